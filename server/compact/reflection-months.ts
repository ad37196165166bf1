// The months of compact reflection, in London time. The reflection for a month
// opens on the cohort's reflection day of that month and stays open until the
// same day of the next month; partners see each other's answers once both have
// answered, or once it has been open for 7 days.
import { DateTime } from 'luxon'
import { PROGRAMME_ZONE } from '../format'

export const SHOW_BOTH_AFTER_DAYS = 7

/** The month whose reflection is open at `now`: this month from its reflection day on, else last month. */
export function openMonth(now: Date, reflectionDay: number): string {
  const london = DateTime.fromJSDate(now, { zone: PROGRAMME_ZONE })
  const month = london.day >= reflectionDay ? london : london.minus({ months: 1 })
  return month.toFormat('yyyy-MM')
}

/** The instant a month's reflection opens: its reflection day at midnight, London time. */
export function opensAt(month: string, reflectionDay: number): Date {
  const [year, m] = month.split('-').map(Number)
  return DateTime.fromObject({ year, month: m, day: reflectionDay }, { zone: PROGRAMME_ZONE }).toJSDate()
}

/** When partners see each other's answers even if one has not answered. */
export function showsBothAt(month: string, reflectionDay: number): Date {
  return DateTime.fromJSDate(opensAt(month, reflectionDay), { zone: PROGRAMME_ZONE }).plus({ days: SHOW_BOTH_AFTER_DAYS }).toJSDate()
}

/** "November 2026" */
export function monthName(month: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: PROGRAMME_ZONE }).toFormat('LLLL yyyy')
}

/** The mean of every rating given, to one decimal place; undefined with none. */
export function compactScore(reflections: readonly { ratings: readonly { rating: number }[] }[]): number | undefined {
  const ratings = reflections.flatMap(r => r.ratings.map(x => x.rating))
  if (!ratings.length) return undefined
  return Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10
}
