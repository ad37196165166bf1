// The npm package munkres (a JavaScript Hungarian / JV-style solver) on the baseline matrix.
import { munkres } from 'munkres'
import { decode, type BaselineMatrix } from './baseline-matrix'

export function runMunkres({ rows, columns, value, bonus }: BaselineMatrix) {
  let most = 0
  for (const v of value) most = Math.max(most, v)
  // munkres minimises cost, so cost = most − value.
  const cost = Array.from({ length: rows }, (_, i) =>
    Array.from(value.subarray(i * columns, (i + 1) * columns), v => most - v),
  )
  const start = performance.now()
  const pairs = munkres(cost)
  const ms = performance.now() - start
  const best = pairs.reduce((s, [i, c]) => s + value[i * columns + c]!, 0)
  return { ms, ...decode(best, bonus) }
}
