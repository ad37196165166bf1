// The worker thread's side of run-in-worker.ts: one job in, progress messages
// and one result (or error) out. Matching a large cohort takes seconds of CPU,
// which must not stall the requests the main thread is serving.
import { parentPort, workerData } from 'node:worker_threads'
import { runMatchingJob } from './matching-job'
import { whyNot } from './review'
import type { MatchingWorkerJob } from './run-in-worker'

const job = (workerData as { job: MatchingWorkerJob }).job
const port = parentPort!
try {
  const result =
    job.kind === 'run'
      ? runMatchingJob(job.input, (stage, percent) => port.postMessage({ type: 'progress', stage, percent }))
      : whyNot(job.input, job.doctorId, job.managerId)
  port.postMessage({ type: 'result', result })
} catch (error) {
  port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'Error' })
}
