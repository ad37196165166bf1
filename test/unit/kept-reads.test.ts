// Kept reads: read once per key and version, shared while running, read again
// for a new version, after maxAgeMs, or after a failure; the least recently
// used key goes first.
import { expect } from 'chai'
import { fixedClock } from '../../server/clock'
import { createKeptReads } from '../../server/kept-reads'

function counted() {
  const reads: string[] = []
  return { reads, read: (label: string) => () => (reads.push(label), Promise.resolve(`${label} #${reads.length}`)) }
}

describe('kept reads', () => {
  it('reads once for the same key and version, sharing a read in flight, and again for a new version', async () => {
    const kept = createKeptReads<string>({ maxEntries: 10 })
    const { reads, read } = counted()
    const first = kept.get('project', '1', read('a'))
    expect(kept.get('project', '1', read('a'))).to.equal(first)
    expect(await first).to.equal('a #1')
    expect(await kept.get('project', '1', read('a'))).to.equal('a #1')
    expect(await kept.get('project', '2', read('a'))).to.equal('a #2')
    expect(await kept.get('other', '2', read('b'))).to.equal('b #3')
    expect(reads).to.have.length(3)
  })

  it('reads again once maxAgeMs has passed', async () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'))
    const kept = createKeptReads<string>({ maxEntries: 10, maxAgeMs: 60_000, clock })
    const { read } = counted()
    expect(await kept.get('feed', 'hash', read('a'))).to.equal('a #1')
    clock.advance(59_999)
    expect(await kept.get('feed', 'hash', read('a'))).to.equal('a #1')
    clock.advance(1)
    expect(await kept.get('feed', 'hash', read('a'))).to.equal('a #2')
  })

  it('does not keep a failed read', async () => {
    const kept = createKeptReads<string>({ maxEntries: 10 })
    const failed = kept.get('project', '1', () => Promise.reject(new Error('database gone')))
    await failed.then(
      () => expect.fail('should have failed'),
      (error: Error) => expect(error.message).to.equal('database gone'),
    )
    expect(await kept.get('project', '1', () => Promise.resolve('read again'))).to.equal('read again')
  })

  it('keeps at most maxEntries keys, forgetting the least recently used', async () => {
    const kept = createKeptReads<string>({ maxEntries: 2 })
    const { reads, read } = counted()
    await kept.get('a', '1', read('a'))
    await kept.get('b', '1', read('b'))
    await kept.get('a', '1', read('a'))
    await kept.get('c', '1', read('c'))
    expect(reads).to.deep.equal(['a', 'b', 'c'])
    await kept.get('a', '1', read('a'))
    await kept.get('b', '1', read('b'))
    expect(reads, 'b was the least recently used when c came').to.deep.equal(['a', 'b', 'c', 'b'])
  })
})
