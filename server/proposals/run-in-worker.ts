// Runs a matching job on a worker thread, one thread per job: jobs are rare (a lead
// pressing "Run matching" or asking "why not"), so a pool would only hold memory.
// A job that takes longer than the limit is stopped and reported as failed.
import { Worker } from 'node:worker_threads'
import { ConflictError, DomainError } from '../errors'
import type { MatchingJobInput, MatchingJobResult, Progress } from './matching-job'
import type { WhyNot } from './review'

export type MatchingWorkerJob =
  | { kind: 'run'; input: MatchingJobInput }
  | { kind: 'why-not'; input: MatchingJobInput; doctorId: string; managerId: string }

type WorkerMessage =
  | { type: 'progress'; stage: string; percent: number }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string; name: string }

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url)
const ENTRY = new URL('./matching.worker.ts', import.meta.url).href

export function runInWorker(job: Extract<MatchingWorkerJob, { kind: 'run' }>, onProgress?: Progress, limitMs?: number): Promise<MatchingJobResult>
export function runInWorker(job: Extract<MatchingWorkerJob, { kind: 'why-not' }>, onProgress?: Progress, limitMs?: number): Promise<WhyNot>
export function runInWorker(job: MatchingWorkerJob, onProgress: Progress = () => {}, limitMs = 5 * 60_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // 1.5 GB of heap is room for a 20,000 × 10,000 cohort's scores and solver state.
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, job }, resourceLimits: { maxOldGenerationSizeMb: 1536 } })
    let settled = false
    const finish = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      outcome()
    }
    const timer = setTimeout(() => finish(() => reject(new DomainError(`Matching took longer than ${Math.round(limitMs / 1000)} seconds and was stopped`))), limitMs)
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.stage, message.percent)
      // The solver's conflicts (e.g. a manager with more locked pairs than places) are the lead's to fix.
      else if (message.type === 'error') finish(() => reject(message.name === 'ConflictError' ? new ConflictError(message.message) : new DomainError(message.message)))
      else finish(() => resolve(message.result))
    })
    worker.on('error', error => finish(() => reject(error)))
    worker.on('exit', code => finish(() => reject(new DomainError(`The matching worker stopped unexpectedly (exit code ${code})`))))
  })
}
