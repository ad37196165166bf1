// Fills an empty database with the web benchmark's cohort (seeded, so every run
// holds the same data) and says what it made and how long it took.
import type { Types } from 'mongoose'
import { generatePeople } from './web-people'
import { generateProjects } from './web-projects'
import { chooser } from './web-random'
import { generateShadowing } from './web-shadowing'
import { generateWorkshops } from './web-workshops'

export type BenchCohort = { cohortId: Types.ObjectId; projectId: Types.ObjectId; feedPersonId: Types.ObjectId; summary: string; seconds: number }

export async function generateBenchCohort(options: { doctors: number; managers: number; seed: number }, now = Date.now()): Promise<BenchCohort> {
  const started = performance.now()
  const pick = chooser(options.seed)
  const people = await generatePeople(pick, options, now)
  const shadowing = await generateShadowing(pick, people, now)
  const workshops = await generateWorkshops(pick, people, now)
  const projects = await generateProjects(pick, people, now)
  const n = (x: number) => x.toLocaleString('en-GB')
  return {
    cohortId: people.cohortId,
    projectId: projects.busiest,
    // The first doctor: paired, with sessions and workshop places in their feed.
    feedPersonId: people.pairs[0]!.doctorId,
    summary:
      `${n(options.doctors)} doctors and ${n(options.managers)} managers, ${n(people.pairs.length)} pairs, ${n(shadowing.sessions)} shadowing sessions, ` +
      `${n(shadowing.reflections)} compact reflections, ${n(workshops.workshops)} workshops with ${n(workshops.registrations)} registrations, ` +
      `${n(projects.projects)} QI projects with ${n(projects.points)} data points and ${n(projects.cycles)} PDSA cycles`,
    seconds: (performance.now() - started) / 1000,
  }
}
