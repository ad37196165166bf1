// Items in lists by a key, each list in the items' order: the one way pages
// gather data points by measure, measures by project, pairs by person. Pushes
// onto each list (copying a list for every item grew with its square).
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = groups.get(key)
    if (list) list.push(item)
    else groups.set(key, [item])
  }
  return groups
}
