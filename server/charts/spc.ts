// Statistical process control for QI measures: the IHI run-chart rules and the
// XmR chart rules of NHS England's "Making Data Count" (as NHSRplotthedots
// implements them). Pure functions over numbers; no dates, no drawing.

export type Direction = 'up' | 'down' | 'neither'

// ---------------------------------------------------------------- run charts

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export type Run = { start: number; end: number }

/**
 * IHI shift: 6 or more consecutive points on one side of the median. Points on
 * the median neither break nor count. Returns the index ranges (inclusive).
 */
export function shifts(values: readonly number[], centre = median(values), minimum = 6): Run[] {
  const runs: Run[] = []
  let side = 0
  let members: number[] = []
  const close = () => {
    if (members.length >= minimum) runs.push({ start: members[0]!, end: members[members.length - 1]! })
  }
  values.forEach((value, index) => {
    const s = Math.sign(value - centre)
    if (s === 0) return
    if (s !== side) {
      close()
      side = s
      members = []
    }
    members.push(index)
  })
  close()
  return runs
}

/**
 * IHI trend: 5 or more consecutive points all rising or all falling. A point
 * equal to the one before neither breaks nor counts.
 */
export function trends(values: readonly number[], minimum = 5): Run[] {
  const runs: Run[] = []
  let direction = 0
  let members: number[] = []
  const close = () => {
    if (members.length >= minimum) runs.push({ start: members[0]!, end: members[members.length - 1]! })
  }
  values.forEach((value, index) => {
    if (index === 0) {
      members = [0]
      return
    }
    const previous = values[members[members.length - 1]!]!
    const d = Math.sign(value - previous)
    if (d === 0) return
    if (d !== direction) {
      close()
      direction = d
      // The turning point belongs to both the run that ends and the one that starts.
      members = [members[members.length - 1]!]
    }
    members.push(index)
  })
  close()
  return runs
}

export type RunChart = {
  /** Each point's centre line: the median of its period (of the period's baseline, when frozen). */
  medians: number[]
  shifts: Run[]
  trends: Run[]
  astronomical: number[]
}

/**
 * A run chart with the same periods as the XmR chart: each rebase point starts a new
 * median, and a frozen baseline takes the median of a period's first n points only, so
 * that later points are judged against the baseline (as the IHI describes extending a
 * baseline median). Shifts, trends and astronomical points are looked for within each
 * period; indices are the whole series'.
 */
export function runChart(values: readonly number[], options: XmrOptions = {}): RunChart {
  const chart: RunChart = { medians: [], shifts: [], trends: [], astronomical: [] }
  const moved = (runs: Run[], offset: number) => runs.map(r => ({ start: r.start + offset, end: r.end + offset }))
  for (const { start, end } of segmentsOf(values.length, options.rebaseAt)) {
    const segment = values.slice(start, end)
    const centre = median(baselineOf(segment, options.baselineLength))
    chart.medians.push(...segment.map(() => centre))
    chart.shifts.push(...moved(shifts(segment, centre), start))
    chart.trends.push(...moved(trends(segment), start))
    chart.astronomical.push(...astronomicalPoints(segment).map(i => i + start))
  }
  return chart
}

// ---------------------------------------------------------------- XmR charts

export type Limits = { mean: number; movingRangeMean: number; upper: number; lower: number; nearUpper: number; nearLower: number }

export type Rule = 'outside-limits' | 'shift' | 'trend' | 'two-of-three'

export type XmrPoint = {
  value: number
  limits: Limits | undefined
  /** Which rules flag this point, and on which side of the mean. */
  rules: Rule[]
  side: 'high' | 'low' | undefined
}

export type XmrOptions = {
  /** Indices where limits are recalculated (a change was adopted); 0 is implied. */
  rebaseAt?: number[]
  /** Calculate each segment's limits from only its first n points (a frozen baseline). */
  baselineLength?: number
}

/** Limits from values: mean ± 2.66 × mean moving range. Needs at least two values. */
export function limitsOf(values: readonly number[]): Limits | undefined {
  if (values.length < 2) return undefined
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  let sum = 0
  for (let i = 1; i < values.length; i += 1) sum += Math.abs(values[i]! - values[i - 1]!)
  const movingRangeMean = sum / (values.length - 1)
  const spread = 2.66 * movingRangeMean
  return {
    mean,
    movingRangeMean,
    upper: mean + spread,
    lower: mean - spread,
    // Two-thirds of the way from the mean to each limit.
    nearUpper: mean + (2 / 3) * spread,
    nearLower: mean - (2 / 3) * spread,
  }
}

/** The periods a chart is cut into by its rebase points: [start, end) index ranges. */
export function segmentsOf(count: number, rebaseAt: readonly number[] = []): { start: number; end: number }[] {
  const starts = [...new Set([0, ...rebaseAt.filter(i => Number.isInteger(i) && i > 0 && i < count)])].sort((a, b) => a - b)
  return count ? starts.map((start, k) => ({ start, end: k + 1 < starts.length ? starts[k + 1]! : count })) : []
}

/** The values a period's centre line and limits come from: all of them, or only its first n when frozen. */
function baselineOf(segment: readonly number[], baselineLength: number | undefined): readonly number[] {
  return baselineLength && baselineLength > 0 ? segment.slice(0, baselineLength) : segment
}

export function xmr(values: readonly number[], options: XmrOptions = {}): XmrPoint[] {
  const points: XmrPoint[] = values.map(value => ({ value, limits: undefined, rules: [], side: undefined }))
  segmentsOf(values.length, options.rebaseAt).forEach(({ start, end }) => {
    const segment = values.slice(start, end)
    const limits = limitsOf(baselineOf(segment, options.baselineLength))
    if (!limits) return
    segment.forEach((_, i) => {
      points[start + i]!.limits = limits
    })
    flagSegment(points, start, end, limits)
  })
  return points
}

function flag(point: XmrPoint, rule: Rule, side: 'high' | 'low') {
  if (!point.rules.includes(rule)) point.rules.push(rule)
  point.side ??= side
}

function flagSegment(points: XmrPoint[], start: number, end: number, limits: Limits) {
  const v = (i: number) => points[i]!.value
  for (let i = start; i < end; i += 1) {
    if (v(i) > limits.upper) flag(points[i]!, 'outside-limits', 'high')
    if (v(i) < limits.lower) flag(points[i]!, 'outside-limits', 'low')
  }
  // 7 or more in a row on one side of the mean; a point on the mean breaks the run.
  const closeShift = (from: number, to: number, side: number) => {
    if (side === 0 || to - from + 1 < 7) return
    for (let j = from; j <= to; j += 1) flag(points[j]!, 'shift', side > 0 ? 'high' : 'low')
  }
  let side = 0
  let sideFrom = start
  for (let i = start; i < end; i += 1) {
    const s = Math.sign(v(i) - limits.mean)
    if (s !== 0 && s === side) continue
    closeShift(sideFrom, i - 1, side)
    side = s
    sideFrom = i
  }
  closeShift(sideFrom, end - 1, side)

  // 7 or more consecutive points each higher (or each lower) than the one before;
  // an equal value breaks the run.
  const closeTrend = (from: number, to: number, direction: number) => {
    if (direction === 0 || to - from + 1 < 7) return
    for (let j = from; j <= to; j += 1) flag(points[j]!, 'trend', direction > 0 ? 'high' : 'low')
  }
  let direction = 0
  let trendFrom = start
  for (let i = start + 1; i < end; i += 1) {
    const d = Math.sign(v(i) - v(i - 1))
    if (d !== 0 && d === direction) continue
    closeTrend(trendFrom, i - 1, direction)
    direction = d
    trendFrom = d === 0 ? i : i - 1
  }
  closeTrend(trendFrom, end - 1, direction)

  // 2 of 3 consecutive points beyond two-thirds of the way to a limit, on the same side.
  for (let i = start; i + 2 < end; i += 1) {
    const window = [i, i + 1, i + 2]
    const high = window.filter(j => v(j) > limits.nearUpper)
    const low = window.filter(j => v(j) < limits.nearLower)
    if (high.length >= 2) high.forEach(j => flag(points[j]!, 'two-of-three', 'high'))
    if (low.length >= 2) low.forEach(j => flag(points[j]!, 'two-of-three', 'low'))
  }
}

// ---------------------------------------------------------------- icons

export type Variation = 'common-cause' | 'improvement-high' | 'improvement-low' | 'concern-high' | 'concern-low' | 'neither-high' | 'neither-low'

/** What a special-cause point means given which direction is better. */
export function meaning(point: XmrPoint, direction: Direction): 'improvement' | 'concern' | 'neither' | 'common-cause' {
  if (!point.side) return 'common-cause'
  if (direction === 'neither') return 'neither'
  return (point.side === 'high') === (direction === 'up') ? 'improvement' : 'concern'
}

/** The Making Data Count variation icon, which describes the latest point. */
export function variationIcon(points: readonly XmrPoint[], direction: Direction): Variation | undefined {
  const last = points[points.length - 1]
  if (!last?.limits) return undefined
  const m = meaning(last, direction)
  return m === 'common-cause' ? 'common-cause' : `${m}-${last.side!}`
}

export type Assurance = 'consistently-pass' | 'consistently-fail' | 'hit-and-miss'

/** Whether the process, as its latest limits describe it, will meet the target. */
export function assuranceIcon(points: readonly XmrPoint[], target: number | undefined, direction: Direction): Assurance | undefined {
  const limits = points[points.length - 1]?.limits
  if (target === undefined || !limits || direction === 'neither') return undefined
  const [pass, fail] = direction === 'up' ? [limits.lower > target, limits.upper < target] : [limits.upper < target, limits.lower > target]
  return pass ? 'consistently-pass' : fail ? 'consistently-fail' : 'hit-and-miss'
}

/**
 * IHI astronomical point: a value so far from the rest that anyone would notice. The IHI
 * leaves this to judgement; Tandem flags a point more than 3 standard deviations from the
 * mean of all the other points (so the point cannot widen its own yardstick, and a step
 * change is left to the shift rule).
 */
export function astronomicalPoints(values: readonly number[]): number[] {
  if (values.length < 4) return []
  return values.flatMap((value, i) => {
    const others = values.filter((_, j) => j !== i)
    const mean = others.reduce((a, b) => a + b, 0) / others.length
    const sd = Math.sqrt(others.reduce((a, b) => a + (b - mean) ** 2, 0) / (others.length - 1))
    return Math.abs(value - mean) > 3 * sd && sd > 0 ? [i] : []
  })
}
