// A page's content is drawn once per count and per key, and drawn again when
// the count is newer, so people see new figures within a minute and never
// another reader's links.
import { expect } from 'chai'
import express from 'express'
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFragmentCache, sendWithKept } from '../../server/http/fragment-cache'

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
    const render = async (key: string, at: Date) => String(await cache.render(app, 'figure', key, at, locals('Density')))
    const first = new Date('2026-11-23T09:00:00Z')
    const later = new Date('2026-11-23T09:01:00Z')
    expect(await render('cohort:lead', first)).to.equal('<p>Density: 1</p>')
    expect(await render('cohort:lead', first)).to.equal('<p>Density: 1</p>')
    expect(await render('cohort:sponsor', first)).to.equal('<p>Density: 2</p>')
    expect(await render('cohort:lead', later)).to.equal('<p>Density: 3</p>')
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

  it('sends the kept content inside the layout, with characters beyond ASCII intact and the right length', async () => {
    writeFileSync(join(views, 'layout.ejs'), '<h1><%= title %></h1><%- main %><footer>© NHS</footer>')
    const page = express()
    page.set('views', views)
    page.set('view engine', 'ejs')
    const kept = Buffer.from('<p>Doctor ↔ manager – 3 × “reciprocal”</p>')
    page.get('/', async (_req, res) => sendWithKept(res, 'layout', { title: 'Network – Ward 7' }, kept))
    const server = page.listen(0, '127.0.0.1')
    await new Promise(resolve => server.once('listening', resolve))
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      const body = await response.text()
      expect(response.headers.get('content-type')).to.equal('text/html; charset=utf-8')
      expect(body).to.equal('<h1>Network – Ward 7</h1><p>Doctor ↔ manager – 3 × “reciprocal”</p><footer>© NHS</footer>')
      expect(Number(response.headers.get('content-length'))).to.equal(Buffer.byteLength(body))
    } finally {
      server.close()
    }
  })
})
