// The cheapest slot of all, as the auction's prices rise: a tournament tree over slot
// prices (each node holds the cheapest slot below it, the lower slot on equal prices),
// so that a bid finds it, and the cheapest of the others, in O(log slots).
export class CheapestSlots {
  private readonly leaves: number
  private readonly tree: Int32Array

  constructor(private readonly price: Float64Array) {
    let leaves = 1
    while (leaves < price.length) leaves *= 2
    this.leaves = leaves
    this.tree = new Int32Array(2 * leaves).fill(-1)
    for (let q = 0; q < price.length; q++) this.tree[leaves + q] = q
    for (let node = leaves - 1; node >= 1; node--)
      this.tree[node] = this.lower(this.tree[2 * node]!, this.tree[2 * node + 1]!)
  }

  /** The cheaper of two slots (−1 for none); on equal prices the first, which is the lower. */
  private lower(a: number, b: number) {
    if (a < 0) return b
    if (b < 0) return a
    return this.price[b]! < this.price[a]! ? b : a
  }

  /**
   * Call after price[q] rises (prices never fall in the auction). Only the nodes that q
   * won can change, and they are a run from the bottom: where q did not win, a dearer q
   * still does not, and nothing above moves.
   */
  update(q: number) {
    const tree = this.tree
    for (let node = (this.leaves + q) >> 1; node >= 1 && tree[node] === q; node >>= 1)
      tree[node] = this.lower(tree[2 * node]!, tree[2 * node + 1]!)
  }

  /** The cheapest slot (−1 if there are none). */
  cheapest() {
    return this.tree[1]!
  }

  /** The lowest price of any slot but q (Infinity if q is the only one). */
  cheapestPriceBut(q: number) {
    let low = Infinity
    for (let node = this.leaves + q; node > 1; node >>= 1) {
      const other = this.tree[node ^ 1]!
      if (other >= 0 && this.price[other]! < low) low = this.price[other]!
    }
    return low
  }
}
