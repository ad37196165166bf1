import { expect } from 'chai'
import { Priority } from '../../../models/priority'
import { ProjectLogEntry } from '../../../models/project-log-entry'
import { QiProject } from '../../../models/qi-project'
import { insertMember } from '../../support/cohorts'
import { insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

const charter = (priorityId: string, overrides: Record<string, string> = {}) => ({
  title: 'Discharge before noon on Ward 7',
  problem: 'Most patients fit to leave go home after 4pm, so morning admissions wait in ED.',
  what: 'Share of discharges before noon',
  baseline: '12% (August to October 2026)',
  target: '30%',
  'by-day': '31',
  'by-month': '7',
  'by-year': '2027',
  priorityId,
  team: 'Sam Patel | Ward sister\nJo Lee | Pharmacist',
  status: 'planning',
  ...overrides,
})

describe('QI project charter, log, progress score and portfolio (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  let priorityId: string

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    priorityId = String((await Priority.create({ title: 'Reduce length of stay' }))._id)
    await Priority.create({ title: 'Archived one', archived: true })
  })

  async function startProject(overrides: Record<string, string> = {}) {
    const doctor = await signInAs(t, fixture.doctor)
    const created = await doctor.submit(`/pairs/${fixture.pair._id}/project/new`, charter(priorityId, overrides))
    expect(created.status, created.text).to.equal(303)
    return { doctor, path: created.headers.location! }
  }

  it('lets a partner start the project once, from the pair page, and shows the charter', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    expect((await doctor.get(`/pairs/${fixture.pair._id}`)).text).to.contain('Start your QI project')
    const form = await doctor.get(`/pairs/${fixture.pair._id}/project/new`)
    expect(form.text).to.contain('Reduce length of stay').and.not.contain('Archived one')
    const { path } = await startProject()
    const page = await doctor.get(path)
    expect(page.text).to.contain('Discharge before noon on Ward 7').and.contain('31 July 2027').and.contain('Sam Patel (Ward sister)').and.contain('Reduce length of stay')
    // One project per pair: starting again leads to the first.
    expect((await doctor.get(`/pairs/${fixture.pair._id}/project/new`)).headers.location).to.equal(path)
    const manager = await signInAs(t, fixture.manager)
    const again = await manager.submit(`/pairs/${fixture.pair._id}/project/new`, charter(priorityId, { title: 'Another' }), `/pairs/${fixture.pair._id}/project/new`).catch(() => undefined)
    expect(again === undefined || again.status === 303 || again.status === 200).to.equal(true)
    expect(await QiProject.countDocuments()).to.equal(1)
    expect((await manager.get(`/pairs/${fixture.pair._id}`)).text).to.contain('Your QI project: Discharge before noon on Ward 7')
  })

  it('answers bad charter input with clear messages and keeps what was typed', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const bad = await doctor.submit(`/pairs/${fixture.pair._id}/project/new`, charter('', { title: '', 'by-day': '31', 'by-month': '2', team: 'Sam | Nurse | extra\n| No name' }))
    expect(bad.status).to.equal(400)
    expect(bad.text)
      .to.contain('Enter a title for the project')
      .and.contain('Select the organisational priority the project serves')
      .and.contain('must be a real date')
      .and.contain('Team, line 1: write the name, then | and the role')
      .and.contain('Most patients fit to leave go home after 4pm')
    const unknown = await doctor.submit(`/pairs/${fixture.pair._id}/project/new`, charter('0123456789abcdef01234567'))
    expect(unknown.text).to.contain('Select one of the organisational priorities listed')
    expect(await QiProject.countDocuments()).to.equal(0)
  })

  it('keeps a newest-first progress log by either partner, refusing future dates and empty entries', async () => {
    const { doctor, path } = await startProject()
    const log = `${path}/log`
    const empty = await doctor.submit(path, { 'date-day': '20', 'date-month': '11', 'date-year': '2026' }, log)
    expect(empty.status).to.equal(400)
    expect(empty.text).to.contain('Write what you did, what you learned')
    const future = await doctor.submit(path, { 'date-day': '1', 'date-month': '12', 'date-year': '2026', did: 'Nothing yet' }, log)
    expect(future.text).to.contain('The date must be today or in the past').and.contain('Nothing yet')
    await doctor.submit(path, { 'date-day': '10', 'date-month': '11', 'date-year': '2026', did: 'Audited 40 discharges' }, log)
    const manager = await signInAs(t, fixture.manager)
    await manager.submit(path, { 'date-day': '20', 'date-month': '11', 'date-year': '2026', learned: 'TTOs are the bottleneck', blockers: 'Pharmacy cover' }, log)
    const page = (await doctor.get(path)).text
    expect(page.indexOf('TTOs are the bottleneck')).to.be.lessThan(page.indexOf('Audited 40 discharges'))
    expect(page).to.contain('20 November 2026, Mina Shah')
    expect(await ProjectLogEntry.countDocuments()).to.equal(2)
  })

  it('suggests a progress score from the evidence and needs a reason to choose another', async () => {
    const { doctor, path } = await startProject()
    const page = await doctor.get(path)
    // A complete charter and nothing else yet: 1.0.
    expect(page.text).to.contain('Tandem suggests <strong>1</strong>').and.contain('The charter is complete')
    const noReason = await doctor.submit(path, { score: '2' }, `${path}/progress`)
    expect(noReason.status).to.equal(400)
    expect(noReason.text).to.contain('Give a reason for choosing 2 rather than Tandem’s suggestion of 1')
    expect((await doctor.submit(path, { score: '1' }, `${path}/progress`)).status).to.equal(303)
    expect((await doctor.submit(path, { score: '1.5', reason: 'First cycle planned on paper' }, `${path}/progress`)).status).to.equal(303)
    const project = await QiProject.findOne().lean()
    expect(project?.progressScore).to.equal(1.5)
    expect(project?.progressHistory.map(h => [h.score, h.suggested, h.reason])).to.deep.equal([[1, 1, ''], [1.5, 1, 'First cycle planned on paper']])
    expect((await doctor.submit(path, { score: '7' }, `${path}/progress`)).text).to.contain('Select a progress score')
  })

  it('shows a shared charter to the cohort, nothing to others, and lets the lead edit but not set the score', async () => {
    const { path } = await startProject()
    const member = await insertMember(fixture.cohortId, 'doctor', { name: 'Cora Cohort' })
    const memberBrowser = await signInAs(t, member)
    expect((await memberBrowser.get(path)).status).to.equal(404)
    const other = (await signedIn(t, ['doctor'])).browser
    await QiProject.updateOne({}, { $set: { shared: true } })
    const read = await memberBrowser.get(path)
    expect(read.status).to.equal(200)
    expect(read.text).to.contain('Discharge before noon on Ward 7').and.not.contain('Progress log').and.not.contain('Edit the charter')
    expect((await other.get(path)).status, 'not in the cohort').to.equal(404)
    expect((await memberBrowser.submit(path, { 'date-day': '1', 'date-month': '11', 'date-year': '2026', did: 'x' }, `${path}/log`)).status).to.equal(403)

    const { browser: lead } = await signedIn(t, ['lead'])
    expect((await lead.submit(`${path}/edit`, charter(priorityId, { title: 'Discharge before 11am' }))).status).to.equal(303)
    expect((await QiProject.findOne().lean())?.title).to.equal('Discharge before 11am')
    expect((await lead.submit(path, { score: '1' }, `${path}/progress`)).status).to.equal(403)
  })

  it('gives the lead a portfolio of every pair’s project, filtered by priority', async () => {
    await startProject()
    await insertPublishedPair({ doctor: 'Ola Doctor', manager: 'Max Manager' }, fixture.cohortId)
    const { browser: lead } = await signedIn(t, ['lead'])
    const all = await lead.get(`/cohorts/${fixture.cohortId}/projects`)
    expect(all.text).to.contain('Discharge before noon on Ward 7').and.contain('Ola Doctor and Max Manager').and.contain('No project yet').and.contain('>0.5<')
    const other = String((await Priority.create({ title: 'Elective recovery' }))._id)
    const filtered = await lead.get(`/cohorts/${fixture.cohortId}/projects?priority=${other}`)
    expect(filtered.text).to.contain('No project serves this priority yet').and.not.contain('Discharge before noon')
    expect((await lead.get(`/cohorts/${fixture.cohortId}/projects?priority=%24ne`)).status).to.equal(200)
    const doctor = await signInAs(t, fixture.doctor)
    expect((await doctor.get(`/cohorts/${fixture.cohortId}/projects`)).status).to.equal(403)
  })
})
