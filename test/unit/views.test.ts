// Views name their includes from the views folder, which EJS resolves without a
// look at the disk; a relative include is refused rather than quietly slower.
import { expect } from 'chai'
import ejs from 'ejs'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EJS_OPTIONS } from '../../server/http/views'

describe('view includes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-views-'))

  it('finds an include named from the views folder, wherever the including file is', async () => {
    const file = join(dir, 'from-root.ejs')
    writeFileSync(file, `<%- include('/partials/back-link', { href: '/cohorts' }) %>`)
    const html = await ejs.renderFile(file, {}, EJS_OPTIONS)
    expect(html).to.match(/<a class="nhsuk-back-link" href="\/cohorts">/)
  })

  it('refuses an include named relative to its file, saying how to name it', async () => {
    writeFileSync(join(dir, 'neighbour.ejs'), 'next door')
    const file = join(dir, 'relative.ejs')
    writeFileSync(file, `<%- include('neighbour') %>`)
    let error: unknown
    await ejs.renderFile(file, {}, EJS_OPTIONS).catch(e => (error = e))
    expect(String(error)).to.include("include('neighbour'): name the file from the views folder")
  })
})
