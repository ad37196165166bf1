import { expect } from 'chai'
import { CheapestSlots } from '../../../server/matching/cheapest-slots'
import { seeded } from './fixtures'

describe('cheapest slot of all', () => {
  it('follows rising prices, the lower slot winning a tie', () => {
    const rng = seeded(3)
    for (const slots of [1, 2, 7, 64, 100]) {
      const price = new Float64Array(slots)
      const tree = new CheapestSlots(price)
      for (let step = 0; step < 300; step++) {
        const low = Math.min(...price)
        expect(tree.cheapest()).to.equal(price.indexOf(low))
        const q = rng.int(0, slots - 1)
        const others = [...price].filter((_, k) => k !== q)
        expect(tree.cheapestPriceBut(q)).to.equal(others.length ? Math.min(...others) : Infinity)
        price[q]! += rng.int(0, 3) // prices only rise
        tree.update(q)
      }
    }
  })
})
