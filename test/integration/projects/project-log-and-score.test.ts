import { expect } from 'chai'
import { Priority } from '../../../models/priority'
import { ProjectLogEntry } from '../../../models/project-log-entry'
import { QiProject } from '../../../models/qi-project'
import { fixedClock } from '../../../server/clock'
import { createProjectsService } from '../../../server/projects/projects.service'
import { asCurrentUser, insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { signInAs } from '../../support/users'

describe('QI project progress log and progress score (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  let path: string

  async function insertProject(complete = true) {
    const priority = await Priority.create({ title: 'Reduce length of stay' })
    const project = await QiProject.create({
      title: 'Discharge before noon on Ward 7',
      priorityId: priority._id,
      ...(complete ? { problem: 'Patients go home late.', aim: { what: 'Discharges before noon', baseline: '12%', target: '30%', by: new Date('2027-07-31T00:00:00Z') } } : {}),
      cohortId: fixture.cohortId,
      pairId: fixture.pair._id,
      doctorId: fixture.doctor._id,
      managerId: fixture.manager._id,
      createdBy: fixture.doctor._id,
      lastActivityAt: new Date('2026-11-01T09:00:00Z'),
    })
    return project
  }

  const day = (d: string, m = '11', y = '2026') => ({ 'date-day': d, 'date-month': m, 'date-year': y })

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    path = `/projects/${(await insertProject())._id}`
  })

  it('keeps a progress log by either partner, newest first, and refuses empty or future entries', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const log = `${path}/log`
    // Today's London date is filled in.
    expect((await doctor.get(path)).text).to.contain('name="date-day" type="text" inputmode="numeric" value="23"').and.contain('Nothing in the log yet')

    const empty = await doctor.submit(path, day('20'), log)
    expect(empty.status).to.equal(400)
    expect(empty.text).to.contain('href="#did">Write what you did, what you learned, your next steps or what is in the way')
    const future = await doctor.submit(path, { ...day('24'), learned: 'Nothing yet' }, log)
    expect(future.status).to.equal(400)
    expect(future.text).to.contain('href="#date-day">The date must be today or in the past').and.contain('>Nothing yet</textarea>').and.contain('value="24"')
    const unreal = await doctor.submit(path, { ...day('31'), did: 'Audit' }, log)
    expect(unreal.text).to.contain('The date must be a real date')
    const tooLong = await doctor.submit(path, { ...day('20'), next: 'x'.repeat(2001) }, log)
    expect(tooLong.text).to.contain('Next steps must be 2000 characters or fewer')
    expect(await ProjectLogEntry.countDocuments()).to.equal(0)

    t.clock.set(new Date('2026-11-23T15:00:00Z'))
    expect((await doctor.submit(path, { ...day('10'), did: 'Audited 40 discharges' }, log)).status).to.equal(303)
    const manager = await signInAs(t, fixture.manager)
    expect((await manager.submit(path, { ...day('20'), learned: 'TTOs are the bottleneck', blockers: 'Pharmacy cover' }, log)).status).to.equal(303)
    expect((await doctor.submit(path, { ...day('20'), next: 'Ask pharmacy for a morning round' }, log)).status).to.equal(303)
    expect((await doctor.submit(path, { ...day('23'), did: 'Presented at the ward meeting' }, log)).status).to.equal(303)

    const page = (await manager.get(path)).text
    const order = ['Presented at the ward meeting', 'Ask pharmacy for a morning round', 'TTOs are the bottleneck', 'Audited 40 discharges'].map(text => page.indexOf(text))
    expect(order.every(i => i > 0)).to.equal(true)
    expect(order).to.deep.equal([...order].sort((a, b) => a - b))
    expect(page).to.contain('20 November 2026, Mina Shah').and.contain('Pharmacy cover')
    expect(+(await QiProject.findOne().lean())!.lastActivityAt).to.equal(+new Date('2026-11-23T15:00:00Z'))
  })

  it('takes London’s date for today, not UTC’s', async () => {
    // 00:30 on 2 June in London is still 1 June in UTC.
    t.clock.set(new Date('2026-06-01T23:30:00Z'))
    const doctor = await signInAs(t, fixture.doctor)
    expect((await doctor.get(path)).text).to.contain('name="date-day" type="text" inputmode="numeric" value="2"')
    expect((await doctor.submit(path, { ...day('2', '6'), did: 'Early start' }, `${path}/log`)).status).to.equal(303)
    expect((await ProjectLogEntry.findOne().lean())!.date.toISOString()).to.equal('2026-06-02T00:00:00.000Z')
  })

  it('suggests a score with its reasons, confirms it, and needs a reason to choose another', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const progress = `${path}/progress`
    const page = await doctor.get(path)
    expect(page.text)
      .to.contain('Current score: <strong>0.5 Intent</strong> (not set by the pair yet)')
      .and.contain('Tandem suggests <strong>1.0 Charter</strong>')
      .and.contain('1.0 Charter: the problem, all four parts of the SMART aim and the organisational priority are written')
      .and.contain('Next step, 1.5 Planning: a first PDSA cycle is planned.')
      .and.contain('<option value="1" selected>1.0 Charter (Tandem’s suggestion)</option>')

    const noReason = await doctor.submit(path, { score: '2', reason: '' }, progress)
    expect(noReason.status).to.equal(400)
    expect(noReason.text).to.contain('href="#reason">Give a reason for choosing 2.0 rather than Tandem’s suggestion of 1.0').and.contain('<option value="2" selected>')
    expect((await doctor.submit(path, { score: '7' }, progress)).text).to.contain('href="#score">Select a progress score')
    expect((await doctor.submit(path, { score: '' }, progress)).text).to.contain('Select a progress score')
    expect((await doctor.submit(path, { score: '2', reason: 'x'.repeat(501) }, progress)).text).to.contain('The reason must be 500 characters or fewer')
    expect((await QiProject.findOne().lean())!.progressHistory).to.have.length(0)

    expect((await doctor.submit(path, { score: '1' }, progress)).status).to.equal(303)
    t.clock.set(new Date('2026-11-25T09:00:00Z'))
    const manager = await signInAs(t, fixture.manager)
    const override = await manager.submit(path, { score: '1.5', reason: 'First cycle planned on paper' }, progress)
    expect(override.status).to.equal(303)
    expect(override.headers.location).to.equal(`${path}#progress`)

    const project = await QiProject.findOne().lean()
    expect(project!.progressScore).to.equal(1.5)
    expect(project!.progressHistory.map(h => [h.score, h.suggested, h.reason, String(h.by)])).to.deep.equal([
      [1, 1, '', String(fixture.doctor._id)],
      [1.5, 1, 'First cycle planned on paper', String(fixture.manager._id)],
    ])
    expect(+project!.lastActivityAt).to.equal(+new Date('2026-11-25T09:00:00Z'))
    const after = (await doctor.get(path)).text
    expect(after).to.contain('Current score: <strong>1.5 Planning</strong>').and.contain('Progress score history, newest first')
    expect(after.indexOf('First cycle planned on paper')).to.be.lessThan(after.indexOf('23 November 2026</td>'))
    expect(after).to.contain('<td class="nhsuk-table__cell">Mina Shah</td>')
  })

  it('suggests 0.5 while the charter is incomplete, and climbs with the evidence the measures work counts', async () => {
    await QiProject.deleteMany({})
    const incomplete = await insertProject(false)
    const doctor = await signInAs(t, fixture.doctor)
    expect((await doctor.get(`/projects/${incomplete._id}`)).text).to.contain('Tandem suggests <strong>0.5 Intent</strong>').and.contain('Next step, 1.0 Charter')

    await QiProject.updateOne({}, { $set: { problem: 'Patients go home late.', aim: { what: 'Discharges before noon', baseline: '12%', target: '30%', by: new Date('2027-07-31T00:00:00Z') } } })
    const evidence = { pdsaPlanned: 2, pdsaCompleted: 1, measuresWithBaseline: 1, improvementSignals: 1, sustainedImprovement: 0 }
    const projects = createProjectsService({ clock: fixedClock(START_TIME), measureEvidence: async () => evidence })
    const doctorUser = asCurrentUser(fixture.doctor)
    const view = await projects.projectFor(doctorUser, String(incomplete._id))
    const suggestion = await projects.progress.suggestion(view)
    expect(suggestion.score).to.equal(3)
    expect(suggestion.reasons).to.have.length(6)
    // The suggestion the score is checked against is the one from the evidence, so 3.0 needs no reason.
    await projects.progress.set(doctorUser, String(incomplete._id), 3, '')
    expect((await QiProject.findOne().lean())!.progressHistory.map(h => [h.score, h.suggested])).to.deep.equal([[3, 3]])
  })
})
