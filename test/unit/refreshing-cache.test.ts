import { expect } from 'chai'
import { createRefreshingCache } from '../../server/refreshing-cache'
import { fixedClock } from '../../server/clock'

/** A build that waits until the test lets it finish, counting how often it ran. */
function controlledBuild() {
  const waiting: ((value: string) => void)[] = []
  const failing: ((error: Error) => void)[] = []
  let builds = 0
  return {
    build: (key: string) =>
      new Promise<string>((resolve, reject) => {
        builds += 1
        waiting.push(value => resolve(`${key}:${value}`))
        failing.push(reject)
      }),
    finish: (value: string) => {
      failing.shift()
      waiting.shift()!(value)
    },
    fail: (error: Error) => {
      waiting.shift()
      failing.shift()!(error)
    },
    get builds() {
      return builds
    },
  }
}

const tick = () => new Promise(resolve => setImmediate(resolve))

describe('the refreshing cache behind the boards', () => {
  it('builds once for visitors arriving together, then answers from what it kept', async () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'))
    const b = controlledBuild()
    const cache = createRefreshingCache({ clock, maxAgeMs: 60_000, maxEntries: 5, build: b.build })
    const first = cache.get('c1')
    const second = cache.get('c1')
    await tick()
    b.finish('one')
    expect((await first).value).to.equal('c1:one')
    expect((await second).value).to.equal('c1:one')
    clock.advance(59_999)
    expect((await cache.get('c1')).value).to.equal('c1:one')
    expect(b.builds).to.equal(1)
  })

  it('after a minute answers at once with what it kept and builds afresh behind it, once', async () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'))
    const b = controlledBuild()
    const cache = createRefreshingCache({ clock, maxAgeMs: 60_000, maxEntries: 5, build: b.build })
    const first = cache.get('c1')
    await tick()
    b.finish('one')
    await first
    clock.advance(60_000)
    const stale = await cache.get('c1')
    expect(stale.value).to.equal('c1:one')
    expect(stale.at.toISOString()).to.equal('2026-11-23T09:00:00.000Z')
    await cache.get('c1')
    expect(b.builds).to.equal(2)
    b.finish('two')
    await tick()
    const fresh = await cache.get('c1')
    expect(fresh.value).to.equal('c1:two')
    expect(fresh.at.toISOString()).to.equal('2026-11-23T09:01:00.000Z')
  })

  it('keeps the last answer when a refresh fails, and tries a failed first build again on the next visit', async () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'))
    const b = controlledBuild()
    const errors: unknown[] = []
    const cache = createRefreshingCache({ clock, maxAgeMs: 60_000, maxEntries: 5, build: b.build, onError: e => errors.push(e) })
    const first = cache.get('c1')
    await tick()
    b.fail(new Error('database away'))
    let thrown: unknown
    await first.catch(e => (thrown = e))
    expect(String(thrown)).to.contain('database away')
    const again = cache.get('c1')
    await tick()
    b.finish('one')
    expect((await again).value).to.equal('c1:one')
    clock.advance(60_000)
    await cache.get('c1')
    b.fail(new Error('database away again'))
    await tick()
    expect((await cache.get('c1')).value).to.equal('c1:one')
    expect(errors.map(String)).to.deep.equal(['Error: database away again'])
  })

  it('keeps each key apart and forgets the oldest beyond its size', async () => {
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'))
    let builds = 0
    const cache = createRefreshingCache({ clock, maxAgeMs: 60_000, maxEntries: 2, build: async (key: string) => `${key}:${(builds += 1)}` })
    expect((await cache.get('a')).value).to.equal('a:1')
    expect((await cache.get('b')).value).to.equal('b:2')
    expect((await cache.get('a')).value).to.equal('a:1')
    expect((await cache.get('c')).value).to.equal('c:3')
    // 'a' was the oldest kept, so it is built again.
    expect((await cache.get('a')).value).to.equal('a:4')
  })
})
