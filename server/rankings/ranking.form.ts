// The ranking form: one select per choice, 1st to 5th. A later choice with an
// earlier one left empty is a gap, which the person is asked to close rather
// than having their choices moved for them.
import { RANKING_LENGTH } from '../../models/ranking'
import type { FieldError } from '../errors'
import { text } from '../http/forms'
import { ordinal } from '../matching/explain'
import { choiceField } from './rankings.service'

/** What was chosen for each place, '' for none, always RANKING_LENGTH long. */
export function readChoices(body: unknown): string[] {
  return Array.from({ length: RANKING_LENGTH }, (_, i) => text(body, choiceField(i + 1)))
}

export function gapErrors(choices: readonly string[]): FieldError[] {
  const last = choices.findLastIndex(Boolean)
  return choices
    .slice(0, last)
    .flatMap((choice, i) =>
      choice ? [] : [{ field: choiceField(i + 1), message: `Choose a ${ordinal(i + 1)} choice, or move your ${ordinal(last + 1)} choice up: choices must follow on from 1st without a gap` }],
    )
}

/** The choices as a ranking, best first, once there is no gap. */
export const rankedIds = (choices: readonly string[]) => choices.filter(Boolean)
