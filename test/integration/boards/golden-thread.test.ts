import { expect } from 'chai'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { insertBoardCohort, insertManyProjects } from '../../support/boards'

/** The part of the page from one heading to the next of the same board. */
function section(page: string, from: string, to?: string): string {
  const start = page.indexOf(from)
  expect(start, from).to.be.greaterThan(-1)
  const end = to ? page.indexOf(to, start) : page.length
  expect(end, to).to.be.greaterThan(start)
  return page.slice(start, end)
}

describe('golden-thread board (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertBoardCohort>>
  let board: string

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertBoardCohort()
    board = `/cohorts/${fixture.cohortId}/golden-thread`
  })

  it('puts each project under its priority, with its pair, score, main outcome measure’s icons in words and last update', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(board)).text
    expect(page).to.contain('it is the first outcome measure the pair added').and.contain('Counted at Monday 23 November 2026 at 9:00am')

    // Current priorities in title order, each a column.
    const elective = section(page, '>Elective recovery</h2>', '>Reduce length of stay</h2>')
    expect(elective)
      .to.contain(`<a href="/projects/${fixture.theatre._id}">Theatre start times</a>`)
      .and.contain('Ola Doctor and Max Manager')
      .and.contain('Progress score: <strong>1.0</strong>')
      .and.contain('Lists starting on time:')
      .and.contain('Common cause variation')
      .and.contain('Consistently failing the target')
      .and.contain('Last update: 1 November 2026')
    const flow = section(page, '>Reduce length of stay</h2>', 'Projects not on a current priority')
    expect(flow)
      .to.contain('1 project, 1 showing improvement')
      .and.contain(`<a href="/projects/${fixture.discharge._id}">Discharge before noon on Ward 7</a>`)
      .and.contain('Dara Okafor and Mina Shah')
      .and.contain('Progress score: <strong>2.5</strong>')
      .and.contain('Discharges before noon:')
      .and.contain('Special cause improvement')
      .and.contain('Hit and miss')
      .and.contain('Last update: 20 November 2026')
      // Not the process measure added first, nor the later outcome measure.
      .and.not.contain('Discharges audited')
      .and.not.contain('Length of stay:')
      .and.not.contain('Special cause concern')
    // The icons are drawings hidden from screen readers, their words beside them.
    expect(flow).to.match(/<svg class="tandem-mdc-icon tandem-mdc-icon--improvement-high"[^>]*aria-hidden="true"/)

    const apart = section(page, 'Projects not on a current priority')
    expect(apart).to.contain('>Winter pressures (archived)</h3>').and.contain('Winter beds').and.contain('No outcome measure yet')
    expect(apart).to.contain('>No priority</h3>').and.contain('Ambulance handovers')
    expect(page).to.not.contain('Unused old priority')
  })

  it('shows a priority’s first 12 projects and links to all of them; an unknown priority in the link shows the whole board', async () => {
    await insertManyProjects(fixture.cohortId, fixture.elective._id, 13)
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(board)).text
    const elective = section(page, '>Elective recovery</h2>', '>Reduce length of stay</h2>')
    expect(elective).to.contain('14 projects')
    expect(elective.match(/class="nhsuk-card tandem-board__card"/g)).to.have.length(12)
    expect(elective).to.contain(`<a href="${board}?priority=${fixture.elective._id}">Show all 14 projects<span class="nhsuk-u-visually-hidden"> serving Elective recovery</span></a>`)

    const all = (await lead.get(`${board}?priority=${fixture.elective._id}`)).text
    expect(all).to.contain('<h1>Elective recovery</h1>').and.contain('Extra project 13').and.not.contain('Discharge before noon')
    expect(all.match(/class="nhsuk-card tandem-board__card"/g)).to.have.length(14)
    const archived = (await lead.get(`${board}?priority=${fixture.winter._id}`)).text
    expect(archived).to.contain('<h1>Winter pressures (archived)</h1>').and.contain('Winter beds')
    for (const query of ['?priority=0123456789abcdef01234567', '?priority[$ne]=x', '?priority=none']) {
      const whole = await lead.get(board + query)
      expect(whole.status, query).to.equal(200)
      expect(whole.text, query).to.contain('<h1>Golden thread</h1>').and.contain('Discharge before noon')
    }
  })

  it('links a sponsor only to the charters the pairs have shared, which a sponsor may read but not change', async () => {
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const page = (await sponsor.get(board)).text
    expect(page).to.contain(`<a href="/projects/${fixture.discharge._id}">Discharge before noon on Ward 7</a>`)
    expect(page).to.contain('Theatre start times').and.not.contain(`href="/projects/${fixture.theatre._id}"`)
    // Nothing on the board for a lead only; back to the sponsor's dashboard, which links both boards.
    expect(page).to.not.contain('href="/priorities"').and.not.contain(`href="/cohorts/${fixture.cohortId}"`)
    expect(page).to.contain(`href="/cohorts/${fixture.cohortId}/dashboard"`)
    const dashboard = (await sponsor.get(`/cohorts/${fixture.cohortId}/dashboard`)).text
    expect(dashboard).to.contain(`href="/cohorts/${fixture.cohortId}/golden-thread">`).and.contain(`href="/cohorts/${fixture.cohortId}/network">`)

    const shared = await sponsor.get(`/projects/${fixture.discharge._id}`)
    expect(shared.status).to.equal(200)
    expect(shared.text).to.contain('Discharge before noon on Ward 7').and.not.contain('Progress log').and.not.contain('Edit the charter')
    expect((await sponsor.get(`/projects/${fixture.discharge._id}/edit`)).status).to.equal(403)
    expect((await sponsor.submit(`/projects/${fixture.discharge._id}`, { did: 'Taken over' }, `/projects/${fixture.discharge._id}/log`)).status).to.equal(403)
    expect((await sponsor.get(`/projects/${fixture.theatre._id}`)).status).to.equal(404)
  })

  it('is counted once a minute: a change shows after the minute, without waiting for it', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    expect((await lead.get(board)).text).to.contain('Theatre start times')
    await insertManyProjects(fixture.cohortId, fixture.elective._id, 1)
    expect((await lead.get(board)).text).to.not.contain('Extra project 01')
    t.clock.advance(60_000)
    // The minute-old board answers at once while the new one is counted behind it.
    expect((await lead.get(board)).text).to.not.contain('Extra project 01')
    // Visit again until the new count is in (a few visits at most; it is not a race with a clock).
    let counted = ''
    for (let visit = 0; visit < 200 && !counted.includes('Extra project 01'); visit += 1) {
      await new Promise(resolve => setTimeout(resolve, 25))
      counted = (await lead.get(board)).text
    }
    expect(counted).to.contain('Counted at Monday 23 November 2026 at 9:01am')
  })
})

describe('the cohort page links both boards for leads', () => {
  it('links the golden thread and the network', async () => {
    const t = await buildTestApp()
    const { cohortId, dara } = await insertBoardCohort()
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(`/cohorts/${cohortId}`)).text
    expect(page).to.contain(`href="/cohorts/${cohortId}/golden-thread">`).and.contain(`href="/cohorts/${cohortId}/network">`)
    expect((await (await signInAs(t, dara.doctor)).get(`/cohorts/${cohortId}`)).status).to.equal(403)
  })
})
