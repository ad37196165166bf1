// Half-open time spans [start, end) in epoch milliseconds, and the few set
// operations slot finding needs. A booking that ends at 11:00 does not clash
// with one that starts at 11:00.
export type Span = { start: number; end: number }

/** Sorted, with overlapping or touching spans joined. */
export function joinSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(s => s.end > s.start).sort((a, b) => a.start - b.start)
  const out: Span[] = []
  for (const s of sorted) {
    const last = out[out.length - 1]
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }
  return out
}

/** Where both lists cover. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = []
  for (const x of a) {
    for (const y of b) {
      const start = Math.max(x.start, y.start)
      const end = Math.min(x.end, y.end)
      if (end > start) out.push({ start, end })
    }
  }
  return joinSpans(out)
}

/** `spans` with every part that any of `cuts` covers taken out. */
export function subtractSpans(spans: readonly Span[], cuts: readonly Span[]): Span[] {
  let rest = joinSpans(spans)
  for (const cut of cuts) {
    rest = rest.flatMap(s => {
      if (cut.end <= s.start || cut.start >= s.end) return [s]
      const pieces: Span[] = []
      if (cut.start > s.start) pieces.push({ start: s.start, end: cut.start })
      if (cut.end < s.end) pieces.push({ start: cut.end, end: s.end })
      return pieces
    })
  }
  return rest
}

export function overlapsAny(span: Span, others: readonly Span[]): boolean {
  return others.some(o => o.start < span.end && span.start < o.end)
}

/** Whether the span lies wholly inside the (joined) spans. */
export function coveredBy(span: Span, spans: readonly Span[]): boolean {
  return joinSpans(spans).some(s => s.start <= span.start && span.end <= s.end)
}

/** A booking or session as stored: UTC instants. */
export type BusyInterval = { start: Date; end: Date }

export const toSpan = (i: BusyInterval): Span => ({ start: +i.start, end: +i.end })
