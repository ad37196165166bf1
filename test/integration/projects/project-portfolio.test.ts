import { expect } from 'chai'
import type { Types } from 'mongoose'
import { Pair } from '../../../models/pair'
import { Priority } from '../../../models/priority'
import { QiProject } from '../../../models/qi-project'
import { fixedClock } from '../../../server/clock'
import { createProjectsService } from '../../../server/projects/projects.service'
import { insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

describe('QI project portfolio (routes)', () => {
  let t: TestApp
  let dara: Awaited<ReturnType<typeof insertPublishedPair>>
  let ola: Awaited<ReturnType<typeof insertPublishedPair>>
  let lengthOfStay: Types.ObjectId
  let elective: Types.ObjectId
  let portfolio: string

  function insertProject(pair: Awaited<ReturnType<typeof insertPublishedPair>>, title: string, priorityId: Types.ObjectId, extra: Record<string, unknown> = {}) {
    return QiProject.create({ title, priorityId, cohortId: pair.cohortId, pairId: pair.pair._id, doctorId: pair.doctor._id, managerId: pair.manager._id, createdBy: pair.doctor._id, lastActivityAt: START_TIME, ...extra })
  }

  beforeEach(async () => {
    t = await buildTestApp()
    dara = await insertPublishedPair()
    ola = await insertPublishedPair({ doctor: 'Ola Doctor', manager: 'Max Manager' }, dara.cohortId)
    await insertPublishedPair({ doctor: 'Ben Doctor', manager: 'Bea Manager' }, dara.cohortId)
    lengthOfStay = (await Priority.create({ title: 'Reduce length of stay' }))._id
    elective = (await Priority.create({ title: 'Elective recovery' }))._id
    await Priority.create({ title: 'Unused priority' })
    await insertProject(dara, 'Discharge before noon on Ward 7', lengthOfStay, { progressScore: 2.5, status: 'testing-changes', lastActivityAt: new Date('2026-11-20T10:00:00Z') })
    await insertProject(ola, 'Theatre start times', elective)
    portfolio = `/cohorts/${dara.cohortId}/projects`
  })

  it('lists every project with its priority, score, status and last update, and the pairs with none yet', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(portfolio)).text
    expect(page)
      .to.contain('2 projects.')
      .and.contain('Dara Okafor and Mina Shah')
      .and.contain('Discharge before noon on Ward 7')
      .and.contain('Reduce length of stay')
      .and.contain('>2.5<')
      .and.contain('Testing changes')
      .and.contain('20 November 2026')
      .and.contain('Theatre start times')
      .and.contain('>0.5<')
      .and.match(/Ben Doctor and Bea Manager<\/td>\s*<td class="nhsuk-table__cell" colspan="6">No project yet/)
    // Rows by pair name: Ben, Dara, Ola.
    expect(page.indexOf('Ben Doctor')).to.be.lessThan(page.indexOf('Dara Okafor')).and.lessThan(page.indexOf('Ola Doctor'))
    // The overview links here.
    expect((await lead.get(`/cohorts/${dara.cohortId}`)).text).to.contain(`href="${portfolio}">QI projects`)
  })

  it('filters by priority, ignoring what is not a listed priority', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const filtered = await lead.get(`${portfolio}?priority=${elective}`)
    expect(filtered.text)
      .to.contain('1 project serving Elective recovery.')
      .and.contain(`<option value="${elective}" selected>`)
      .and.contain('Theatre start times')
      .and.not.contain('Discharge before noon')
      .and.not.contain('No project yet')
    const none = await lead.get(`${portfolio}?priority=${(await Priority.findOne({ title: 'Unused priority' }).lean())!._id}`)
    expect(none.text).to.contain('0 projects serving Unused priority.').and.not.contain('<table')
    for (const query of ['?priority=%24ne', '?priority[$ne]=x', '?priority=0123456789abcdef01234567']) {
      const all = await lead.get(portfolio + query)
      expect(all.status, query).to.equal(200)
      expect(all.text, query).to.contain('2 projects.').and.contain('No project yet')
    }
  })

  it('keeps the project of a pair that has since ended, and marks an archived priority', async () => {
    await Pair.deleteOne({ _id: ola.pair._id })
    await Priority.updateOne({ _id: elective }, { $set: { archived: true } })
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(portfolio)).text
    expect(page).to.contain('Ola Doctor and Max Manager').and.contain('Theatre start times').and.contain('Elective recovery (archived)</option>')
  })

  it('is for leads only', async () => {
    const doctor = await signInAs(t, dara.doctor)
    expect((await doctor.get(portfolio)).status).to.equal(403)
    const { browser: lead } = await signedIn(t, ['lead'])
    expect((await lead.get('/cohorts/0123456789abcdef01234567/projects')).status).to.equal(404)
  })

  it('hands each project’s latest signal from the measures work to the row', async () => {
    const projects = createProjectsService({
      clock: fixedClock(START_TIME),
      portfolioSignals: async ids => new Map(ids.map(id => [String(id), `signal of ${String(id)}`])),
    })
    const { rows } = await projects.portfolio(dara.cohortId, '')
    const withProject = rows.filter(r => r.project)
    expect(withProject).to.have.length(2)
    for (const row of withProject) expect(row.project!.signal).to.equal(`signal of ${row.project!.id}`)
  })
})
