import { expect } from 'chai'
import { Priority } from '../../../models/priority'
import { ProjectLogEntry } from '../../../models/project-log-entry'
import { QiProject } from '../../../models/qi-project'
import { insertMember } from '../../support/cohorts'
import { insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

describe('QI project access (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  let other: Awaited<ReturnType<typeof insertPublishedPair>>
  let path: string
  let priorityId: string

  const charter = (title: string) => ({ title, priorityId, status: 'planning' as const })
  const logEntry = { 'date-day': '20', 'date-month': '11', 'date-year': '2026', did: 'Audited 40 discharges', blockers: 'Pharmacy cover' }

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    other = await insertPublishedPair({ doctor: 'Ola Doctor', manager: 'Max Manager' }, fixture.cohortId)
    priorityId = String((await Priority.create({ title: 'Reduce length of stay' }))._id)
    const project = await QiProject.create({
      ...charter('Discharge before noon on Ward 7'),
      problem: 'Patients go home late.',
      cohortId: fixture.cohortId,
      pairId: fixture.pair._id,
      doctorId: fixture.doctor._id,
      managerId: fixture.manager._id,
      createdBy: fixture.doctor._id,
      lastActivityAt: START_TIME,
      progressHistory: [{ score: 1, suggested: 0.5, reason: 'Charter agreed with the ward', by: fixture.doctor._id, at: START_TIME }],
    })
    await ProjectLogEntry.create({ projectId: project._id, by: fixture.manager._id, date: new Date('2026-11-20T00:00:00Z'), did: 'Met the ward sister', blockers: 'Pharmacy cover' })
    path = `/projects/${project._id}`
  })

  it('shows another pair nothing of an unshared project, and never lets it start or change one', async () => {
    const olaBrowser = await signInAs(t, other.doctor)
    for (const page of [path, `${path}/edit`, `/pairs/${fixture.pair._id}/project/new`]) {
      expect((await olaBrowser.get(page)).status, page).to.equal(404)
    }
    const own = `/pairs/${other.pair._id}`
    for (const [action, fields] of [[`${path}/edit`, charter('Taken over')], [`${path}/log`, logEntry], [`${path}/progress`, { score: '1' }], [`/pairs/${fixture.pair._id}/project/new`, charter('Theirs')]] as const) {
      expect((await olaBrowser.submit(own, fields, action)).status, action).to.equal(404)
    }
    // Ids that are not ids are "not found" too, never a query.
    expect((await olaBrowser.get('/projects/not-an-id')).status).to.equal(404)
    expect((await olaBrowser.get('/projects/0123456789abcdef01234567')).status).to.equal(404)
    const project = await QiProject.findOne({ pairId: fixture.pair._id }).lean()
    expect(project!.title).to.equal('Discharge before noon on Ward 7')
    expect(await QiProject.countDocuments()).to.equal(1)
    expect(await ProjectLogEntry.countDocuments()).to.equal(1)
  })

  it('lets the cohort read the charter of a shared project, and nothing else of it', async () => {
    await QiProject.updateOne({}, { $set: { shared: true } })
    const member = await signInAs(t, await insertMember(fixture.cohortId, 'manager', { name: 'Cora Cohort' }))
    const olaBrowser = await signInAs(t, other.doctor)
    for (const reader of [member, olaBrowser]) {
      const page = await reader.get(path)
      expect(page.status).to.equal(200)
      expect(page.text)
        .to.contain('Discharge before noon on Ward 7')
        .and.contain('Patients go home late.')
        .and.contain('Reduce length of stay')
        .and.not.contain('Progress log')
        .and.not.contain('Met the ward sister')
        .and.not.contain('Pharmacy cover')
        .and.not.contain('Progress score')
        .and.not.contain('Charter agreed with the ward')
        .and.not.contain('Edit the charter')
      expect((await reader.get(`${path}/edit`)).status).to.equal(403)
      expect((await reader.submit(path, charter('Taken over'), `${path}/edit`)).status).to.equal(403)
      expect((await reader.submit(path, logEntry, `${path}/log`)).status).to.equal(403)
      expect((await reader.submit(path, { score: '1' }, `${path}/progress`)).status).to.equal(403)
    }
    // Someone in another cohort, or in none, still sees nothing.
    const { browser: stranger } = await signedIn(t, ['doctor'])
    expect((await stranger.get(path)).status).to.equal(404)
    expect((await QiProject.findOne().lean())!.title).to.equal('Discharge before noon on Ward 7')
  })

  it('lets a lead read everything and edit the charter, but leaves the log and the score to the pair', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = await lead.get(path)
    expect(page.text)
      .to.contain('Edit the charter')
      .and.contain('Met the ward sister')
      .and.contain('Charter agreed with the ward')
      .and.contain('The pair confirms the suggestion or chooses another score')
      .and.not.contain('Add to the log')
      .and.not.contain('Set progress score')
    expect((await lead.submit(path, charter('Discharge before 11am'), `${path}/edit`)).status).to.equal(303)
    expect((await QiProject.findOne().lean())!.title).to.equal('Discharge before 11am')
    expect((await lead.submit(path, logEntry, `${path}/log`)).status).to.equal(403)
    expect((await lead.submit(path, { score: '1' }, `${path}/progress`)).status).to.equal(403)
    // The pair starts its own project.
    expect((await lead.get(`/pairs/${other.pair._id}/project/new`)).status).to.equal(403)
    expect(await ProjectLogEntry.countDocuments()).to.equal(1)
  })
})
