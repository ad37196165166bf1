// Tandem's suggestion for a project's progress score on the IHI scale (0.5–5.0),
// from the evidence in the project, each step with its reason in words. The
// steps build on each other: a project climbs to the highest step whose
// evidence it has, with every step below it met too. 5.0 ("outstanding,
// sustainable results") is never suggested: the pair chooses it, with a reason.

export type ProgressEvidence = {
  charterComplete: boolean
  pdsaPlanned: number
  pdsaCompleted: number
  measuresWithBaseline: number
  improvementSignals: number
  sustainedImprovement: number
}

export type ProgressStep = { score: number; met: boolean; evidence: string }

export function progressSteps(e: ProgressEvidence): ProgressStep[] {
  return [
    { score: 0.5, met: true, evidence: 'The project has been started' },
    { score: 1, met: e.charterComplete, evidence: 'The charter is complete: problem, SMART aim and organisational priority' },
    { score: 1.5, met: e.pdsaPlanned >= 1, evidence: 'A first PDSA cycle is planned' },
    { score: 2, met: e.measuresWithBaseline >= 1, evidence: 'A measure has baseline data (10 points or more)' },
    { score: 2.5, met: e.pdsaCompleted >= 1, evidence: 'A change has been tested: a PDSA cycle studied and acted on' },
    { score: 3, met: e.improvementSignals >= 1, evidence: 'A measure shows special-cause improvement' },
    { score: 3.5, met: e.improvementSignals >= 2, evidence: 'More than one measure shows special-cause improvement' },
    { score: 4, met: e.sustainedImprovement >= 1, evidence: 'Improvement is sustained on a measure' },
    { score: 4.5, met: e.sustainedImprovement >= 2, evidence: 'Improvement is sustained on more than one measure' },
  ]
}

/** The suggested score and the evidence behind it; `next` is the step to work towards. */
export function suggestProgress(e: ProgressEvidence): { score: number; reasons: string[]; next?: ProgressStep } {
  const steps = progressSteps(e)
  const firstUnmet = steps.findIndex(s => !s.met)
  const reached = firstUnmet === -1 ? steps : steps.slice(0, firstUnmet)
  return { score: reached[reached.length - 1]!.score, reasons: reached.map(s => s.evidence), ...(firstUnmet === -1 ? {} : { next: steps[firstUnmet] }) }
}
