import { expect } from 'chai'
import { groupBy } from '../../server/group-by'

describe('groupBy', () => {
  it('keeps each group in the order the items came, keys in the order first seen', () => {
    const points = [
      { measure: 'b', value: 1 },
      { measure: 'a', value: 2 },
      { measure: 'b', value: 3 },
    ]
    const groups = groupBy(points, p => p.measure)
    expect([...groups.keys()]).to.deep.equal(['b', 'a'])
    expect(groups.get('b')!.map(p => p.value)).to.deep.equal([1, 3])
    expect(groups.get('a')!.map(p => p.value)).to.deep.equal([2])
    expect(groupBy([], () => 'x').size).to.equal(0)
  })
})
