// A page's content is drawn once per count and per key, and drawn again when
// the count is newer, so people see new figures within a minute and never
// another reader's links.
import { expect } from 'chai'
import express from 'express'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFragmentCache } from '../../server/http/fragment-cache'

describe('fragment cache', () => {
  const app = express()
  const views = mkdtempSync(join(tmpdir(), 'tandem-fragments-'))
  writeFileSync(join(views, 'figure.ejs'), '<p><%= label %>: <%= draw() %></p>')
  app.set('views', views)
  app.set('view engine', 'ejs')

  it('draws once for the same key and count, again for a new count or another key', async () => {
    const cache = createFragmentCache({ maxEntries: 10 })
    let drawn = 0
    const locals = (label: string) => () => ({ label, draw: () => (drawn += 1) })
    const first = new Date('2026-11-23T09:00:00Z')
    const later = new Date('2026-11-23T09:01:00Z')
    expect(await cache.render(app, 'figure', 'cohort:lead', first, locals('Density'))).to.equal('<p>Density: 1</p>')
    expect(await cache.render(app, 'figure', 'cohort:lead', first, locals('Density'))).to.equal('<p>Density: 1</p>')
    expect(await cache.render(app, 'figure', 'cohort:sponsor', first, locals('Density'))).to.equal('<p>Density: 2</p>')
    expect(await cache.render(app, 'figure', 'cohort:lead', later, locals('Density'))).to.equal('<p>Density: 3</p>')
    expect(drawn).to.equal(3)
  })

  it('keeps at most maxEntries keys, forgetting the oldest', async () => {
    const cache = createFragmentCache({ maxEntries: 2 })
    let drawn = 0
    const at = new Date('2026-11-23T09:00:00Z')
    const locals = () => ({ label: 'x', draw: () => (drawn += 1) })
    for (const key of ['a', 'b', 'c', 'a']) await cache.render(app, 'figure', key, at, locals)
    expect(drawn).to.equal(4)
  })
})
