import { expect } from 'chai'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn } from '../../support/users'
import { CONCERN, PRIVATE_COMMENT, insertDashboardCohort } from '../../support/dashboard'

/** The page's words without markup, spaces folded: what a screen reader would read in order. */
const wordsOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

describe('programme dashboard (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertDashboardCohort>>

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertDashboardCohort()
  })

  it('shows a lead the funnel of the known cohort, each count linked to its people', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = await lead.get(fixture.dashboardPath)
    expect(page.status).to.equal(200)
    const words = wordsOf(page.text)
    // Nine invited: Eve's profile is incomplete; Cal is unpaired; Fay's pair has done no session;
    // Ben and Nia have a charter but no PDSA; Ola and Max's measures show no improvement.
    for (const line of [
      'Invited 9 people: invited 100%',
      'Profile complete 8 people: profile complete 89%',
      'Paired 7 people: paired 78%',
      'First shadowing 6 people: first shadowing 67%',
      'Both directions done 6 people: both directions done 67%',
      'Charter written 6 people: charter written 67%',
      'PDSA started 4 people: pdsa started 44%',
      'Improvement shown 2 people: improvement shown 22%',
    ]) expect(words).to.contain(line)
    expect(page.text).to.contain(`href="${fixture.dashboardPath}/stage/pdsa"`)
  })

  it('shows shadowing against the target, workshop attendance per module and reflections', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const words = wordsOf((await lead.get(fixture.dashboardPath)).text)
    // Targets 2 each way. Booked: Fay and Mina's confirmed session; their proposal and cancellation do not count.
    expect(words).to.contain('Doctor shadows manager 2 1 of 4 4 0').and.contain('Manager shadows doctor 2 0 of 4 3 1')
    // The cancelled session's place is left out; Max's place is not marked.
    expect(words).to.contain('Lean for Leaders, module 1: Value and waste 1 4 1 1 1 1').and.contain('Lean for Leaders, module 2: Flow 1 1 0 0 0 0').and.not.contain('Standard work')
    // Dara and Mina and Ben are in for November, of 2 agreed pairs; October and September have none in.
    expect(words).to.contain('November 2026 2 3 of 4 (75%) 1').and.contain('October 2026 2 0 of 4 (0%) 0').and.contain('September 2026 1 0 of 2 (0%) 0')
    expect(words).to.contain('1 concern has been raised')
  })

  it('lists who needs attention, oldest first, each linked for the lead, with the concern but never a comment', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(fixture.dashboardPath)).text
    const words = wordsOf(page)
    const { p2, p3 } = fixture.pairs
    expect(words).to.contain('4 issues.')
    const rows = [
      `href="/projects/${String(fixture.projects.q2._id)}">Ola Doctor and Max Manager`,
      `href="/pairs/${String(p2._id)}">Ola Doctor and Max Manager`,
      `href="/pairs/${String(p3._id)}/compact">Ben Doctor and Nia Manager<span class="nhsuk-u-visually-hidden">: reflection overdue`,
      `href="/pairs/${String(p3._id)}/compact">Ben Doctor and Nia Manager<span class="nhsuk-u-visually-hidden">: concern raised`,
    ]
    const at = rows.map(r => page.indexOf(r))
    expect(at.every(i => i > 0), JSON.stringify(at)).to.equal(true)
    expect([...at].sort((a, b) => a - b)).to.deep.equal(at)
    expect(words).to.contain('Not yet reflected: Nia Manager').and.contain(`Ben Doctor: “${CONCERN}”`).and.contain('Last session ended 2 October 2026')
    expect(page).not.to.contain(PRIVATE_COMMENT)
    expect(page).to.match(/<th scope="col" class="nhsuk-table__header" aria-sort="ascending">\s*<a href="[^"]*sort=since&amp;dir=desc#needs-attention">Since/)
  })

  it('sorts needs attention by a link, and back the other way', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const byPair = (await lead.get(`${fixture.dashboardPath}?sort=pair&dir=asc`)).text
    expect(byPair.indexOf('Ben Doctor and Nia Manager<span')).to.be.lessThan(byPair.indexOf('Ola Doctor and Max Manager<span'))
    expect(byPair).to.match(/aria-sort="ascending">\s*<a href="[^"]*sort=pair&amp;dir=desc#needs-attention">Pair/)
    expect(byPair.match(/aria-sort=/g)).to.have.length(1)
    const back = (await lead.get(`${fixture.dashboardPath}?sort=pair&dir=desc`)).text
    expect(back.indexOf('Ola Doctor and Max Manager<span')).to.be.lessThan(back.indexOf('Ben Doctor and Nia Manager<span'))
    expect(back).to.contain('aria-sort="descending"')
    // Nonsense in the link is ignored, not an error.
    const odd = await lead.get(`${fixture.dashboardPath}?sort[$ne]=1&dir=up&page=banana`)
    expect(odd.status).to.equal(200)
    expect(odd.text).to.match(/aria-sort="ascending">\s*<a href="[^"]*sort=since/)
  })

  it('follows a funnel count to the people behind it, with their furthest step and partners', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = await lead.get(`${fixture.dashboardPath}/stage/pdsa`)
    expect(page.status).to.equal(200)
    const words = wordsOf(page.text)
    expect(words).to.contain('PDSA started').and.contain('4 people.')
    const { dara, mina, ola, max, ben } = fixture.people
    for (const person of [dara, mina, ola, max]) expect(page.text).to.contain(`href="/people/${String(person._id)}/profile">${person.name}</a>`)
    expect(page.text).not.to.contain(ben.name)
    expect(words).to.contain(`Dara Okafor Doctor ${dara.email} Improvement shown Mina Shah`).and.contain(`Ola Doctor Doctor ${ola.email} PDSA started Max Manager`)
    // Mina has two doctors: both pairs are linked.
    expect(page.text).to.contain(`href="/pairs/${String(fixture.pairs.p1._id)}">Dara Okafor`).and.contain(`href="/pairs/${String(fixture.pairs.p4._id)}">Fay Doctor`)
    expect((await lead.get(`${fixture.dashboardPath}/stage/nonsense`)).status).to.equal(404)
  })
})
