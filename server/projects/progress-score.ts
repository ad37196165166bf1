// Tandem's suggestion for a project's progress score on the IHI scale (0.5–5.0),
// from the evidence in the project, with the reasons in words. Pure: the
// evidence is counted elsewhere (the charter by project.form.ts, measures and
// PDSA cycles by the measures work), so the rules can be checked by hand.
//
// - The steps build on each other: a project climbs to the highest step whose
//   evidence it has with every step below it met too, so a chart that improves
//   with no change tested stays at 2.0 until a cycle is studied.
// - 3.5 is improvement on more than one measure, or improvement that has held
//   on one: a project with a single measure can still reach 4.0.
// - What counts as baseline data, a signal and improvement that has held is
//   the measures work's to define (server/projects/measures-evidence.ts); a
//   measure whose improvement has held counts as improving too.
// - 5.0, "outstanding, sustainable results", is never suggested: the pair
//   chooses it, with a reason.

/** What the suggestion is made from. Counts, so 0 means none. */
export type ProgressEvidence = {
  /** The problem, the four parts of the SMART aim and the priority are all filled in. */
  charterComplete: boolean
  /** PDSA cycles planned (every cycle starts with its plan). */
  pdsaPlanned: number
  /** PDSA cycles whose Study is done: the change was tried and its results read against the prediction. */
  pdsaCompleted: number
  /** Measures with enough data points for a baseline. */
  measuresWithBaseline: number
  /** Measures whose chart shows special-cause improvement (Making Data Count rules). */
  improvementSignals: number
  /** Measures whose improvement has held (for example, the latest 7 points all special-cause improvement). */
  sustainedImprovement: number
}

export const NO_MEASURE_EVIDENCE: Omit<ProgressEvidence, 'charterComplete'> = {
  pdsaPlanned: 0,
  pdsaCompleted: 0,
  measuresWithBaseline: 0,
  improvementSignals: 0,
  sustainedImprovement: 0,
}

/** The IHI's name for each score on the scale. */
export const PROGRESS_SCALE_NAMES: Readonly<Record<number, string>> = {
  0.5: 'Intent',
  1: 'Charter',
  1.5: 'Planning',
  2: 'Activity',
  2.5: 'Changes tested',
  3: 'Modest improvement',
  3.5: 'Improvement',
  4: 'Significant improvement',
  4.5: 'Sustainable improvement',
  5: 'Outstanding sustainable results',
}

/** One step of the scale: its score, the IHI's name for it, the evidence it needs in words, and whether the project has it. */
export type ProgressStep = { score: number; name: string; evidence: string; met: boolean }

export function progressSteps(e: ProgressEvidence): ProgressStep[] {
  const improving = Math.max(e.improvementSignals, e.sustainedImprovement)
  const step = (score: number, evidence: string, met: boolean): ProgressStep => ({ score, name: PROGRESS_SCALE_NAMES[score]!, evidence, met })
  return [
    step(0.5, 'the project has been started', true),
    step(1, 'the problem, all four parts of the SMART aim and the organisational priority are written', e.charterComplete),
    step(1.5, 'a first PDSA cycle is planned', e.pdsaPlanned >= 1),
    step(2, 'a measure has baseline data', e.measuresWithBaseline >= 1),
    step(2.5, 'a PDSA cycle has been carried out and studied', e.pdsaCompleted >= 1),
    step(3, 'a measure shows special-cause improvement', improving >= 1),
    step(3.5, 'more than one measure shows special-cause improvement, or improvement has held on one', improving >= 2 || e.sustainedImprovement >= 1),
    step(4, 'improvement has held on a measure', e.sustainedImprovement >= 1),
    step(4.5, 'improvement has held on more than one measure', e.sustainedImprovement >= 2),
  ]
}

/** "3.0 Modest improvement: a measure shows special-cause improvement" */
export function stepText(step: Pick<ProgressStep, 'score' | 'name' | 'evidence'>): string {
  return `${scoreText(step.score)} ${step.name}: ${step.evidence}`
}

/** `reasons`: every step reached, lowest first, in words; `next`: the step to work towards, if any. */
export type ProgressSuggestion = { score: number; reasons: string[]; next?: ProgressStep }

export function suggestProgress(e: ProgressEvidence): ProgressSuggestion {
  const steps = progressSteps(e)
  const firstUnmet = steps.findIndex(s => !s.met)
  const reached = firstUnmet === -1 ? steps : steps.slice(0, firstUnmet)
  return { score: reached[reached.length - 1]!.score, reasons: reached.map(stepText), ...(firstUnmet === -1 ? {} : { next: steps[firstUnmet] }) }
}

/** "1.0", "2.5": scores as the IHI scale writes them. */
export function scoreText(score: number): string {
  return score.toFixed(1)
}
