import { expect } from 'chai'
import { Priority } from '../../../models/priority'
import { QiProject } from '../../../models/qi-project'
import { insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

/** A complete charter, as the form posts it; the clock says 23 November 2026. */
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
  team: 'Sam Patel | Ward sister\n\nJo Lee | Pharmacist',
  status: 'planning',
  ...overrides,
})

describe('QI project charter (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  let priorityId: string
  let pairPath: string
  let newPath: string

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    pairPath = `/pairs/${fixture.pair._id}`
    newPath = `${pairPath}/project/new`
    priorityId = String((await Priority.create({ title: 'Reduce length of stay' }))._id)
    await Priority.create({ title: 'Archived priority', archived: true })
  })

  it('lets a partner start the project from the pair page or home, once, and shows the charter', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    expect((await doctor.get(pairPath)).text).to.contain(`href="${newPath}">Start your QI project`)
    expect((await doctor.get('/')).text).to.contain(`href="${newPath}">Start your QI project`)
    const form = await doctor.get(newPath)
    expect(form.status).to.equal(200)
    expect(form.text).to.contain('Reduce length of stay').and.contain('Dara Okafor and Mina Shah are in the team already').and.not.contain('Archived priority')

    const created = await doctor.submit(newPath, charter(priorityId, { shared: 'yes' }))
    expect(created.status).to.equal(303)
    const path = created.headers.location!
    const project = await QiProject.findOne().lean()
    expect(path).to.equal(`/projects/${project!._id}`)
    expect(project).to.deep.include({ title: 'Discharge before noon on Ward 7', status: 'planning', shared: true, progressScore: 0.5 })
    expect(project!.aim).to.deep.include({ what: 'Share of discharges before noon', target: '30%' })
    expect(project!.aim!.by!.toISOString()).to.equal('2027-07-31T00:00:00.000Z')
    expect(project!.team).to.deep.equal([{ name: 'Sam Patel', role: 'Ward sister' }, { name: 'Jo Lee', role: 'Pharmacist' }])
    expect(+project!.lastActivityAt).to.equal(+START_TIME)

    const page = await doctor.get(path)
    expect(page.text)
      .to.contain('Project started')
      .and.contain('31 July 2027')
      .and.contain('Dara Okafor (doctor), Mina Shah (manager), Sam Patel (Ward sister), Jo Lee (Pharmacist)')
      .and.contain('Reduce length of stay')

    // One project per pair: the form, and a second start by the other partner, both lead to the first.
    expect((await doctor.get(newPath)).headers.location).to.equal(path)
    const manager = await signInAs(t, fixture.manager)
    const again = await manager.submit(pairPath, charter(priorityId, { title: 'Another' }), newPath)
    expect(again.status).to.equal(303)
    expect(again.headers.location).to.equal(path)
    expect(await QiProject.countDocuments()).to.equal(1)
    expect((await manager.get(pairPath)).text).to.contain('Your QI project: Discharge before noon on Ward 7')
    expect((await manager.get('/')).text).to.contain(`href="${path}">Your QI project: Discharge before noon on Ward 7`)
  })

  it('answers bad input with an error for each problem and keeps what was typed', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const bad = await doctor.submit(newPath, charter('', { title: '', 'by-day': '31', 'by-month': '2', team: 'Sam Patel | Ward sister\n| Pharmacist\nJo | Nurse | extra' }))
    expect(bad.status).to.equal(400)
    expect(bad.text)
      .to.contain('There is a problem')
      .and.contain('href="#title">Enter a title for the project')
      .and.contain('href="#priorityId">Select the organisational priority the project serves')
      .and.contain('href="#by-day">The date the aim should be met by must be a real date')
      .and.contain('Team, line 2: write the colleague’s name before the |')
      .and.contain('Team, line 3: write the name, then one | and the role')
      .and.contain('Most patients fit to leave go home after 4pm')
      .and.contain('>Sam Patel | Ward sister\n| Pharmacist')
      .and.contain('value="31"')
      .and.not.contain('Team, line 1')
    const tooLong = await doctor.submit(newPath, charter(priorityId, { problem: 'x'.repeat(1501) }))
    expect(tooLong.text).to.contain('The problem must be 1500 characters or fewer')
    const archived = String((await Priority.findOne({ archived: true }).lean())!._id)
    expect((await doctor.submit(newPath, charter(archived))).text).to.contain('Select one of the organisational priorities listed')
    expect((await doctor.submit(newPath, charter(priorityId, { status: 'done' }))).text).to.contain('Select the project’s status')
    expect(await QiProject.countDocuments()).to.equal(0)
  })

  it('accepts a charter that is not complete yet, but not a new aim date in the past', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const past = await doctor.submit(newPath, charter(priorityId, { 'by-day': '22', 'by-month': '11', 'by-year': '2026' }))
    expect(past.status).to.equal(400)
    expect(past.text).to.contain('The date the aim should be met by must be today or in the future')
    const minimal = await doctor.submit(newPath, { title: 'Fewer missed doses', priorityId, status: 'planning' })
    expect(minimal.status).to.equal(303)
    const project = await QiProject.findOne().lean()
    expect(project!.aim!.by).to.equal(null)
    expect(project!.team).to.deep.equal([])
    expect((await doctor.get(minimal.headers.location!)).text).to.contain('Not written yet').and.contain('Not set yet')
  })

  it('lets either partner and a lead edit the charter; a saved aim date that has passed can stay', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const path = (await doctor.submit(newPath, charter(priorityId))).headers.location!
    const edit = await doctor.get(`${path}/edit`)
    expect(edit.text).to.contain('value="Discharge before noon on Ward 7"').and.contain('Sam Patel | Ward sister\nJo Lee | Pharmacist').and.contain('value="31"')

    // The aim date has passed since it was saved: saving the charter again keeps it…
    await QiProject.updateOne({}, { $set: { 'aim.by': new Date('2026-10-31T00:00:00Z') } })
    t.clock.set(new Date('2026-11-24T10:00:00Z'))
    const manager = await signInAs(t, fixture.manager)
    const saved = await manager.submit(`${path}/edit`, charter(priorityId, { 'by-day': '31', 'by-month': '10', 'by-year': '2026', status: 'testing-changes', team: '' }))
    expect(saved.status).to.equal(303)
    let project = await QiProject.findOne().lean()
    expect(project).to.deep.include({ status: 'testing-changes', shared: false })
    expect(project!.team).to.deep.equal([])
    expect(+project!.lastActivityAt).to.equal(+new Date('2026-11-24T10:00:00Z'))
    // …but another past date is refused.
    expect((await manager.submit(`${path}/edit`, charter(priorityId, { 'by-day': '30', 'by-month': '10', 'by-year': '2026' }))).text).to.contain('must be today or in the future')

    // The priority has been archived since: the project keeps it, and the form still offers it.
    await Priority.updateOne({ _id: priorityId }, { $set: { archived: true } })
    const { browser: lead } = await signedIn(t, ['lead'])
    expect((await lead.get(`${path}/edit`)).text).to.contain('Reduce length of stay')
    expect((await lead.submit(`${path}/edit`, charter(priorityId, { title: 'Discharge before 11am' }))).status).to.equal(303)
    project = await QiProject.findOne().lean()
    expect(project!.title).to.equal('Discharge before 11am')
    expect((await lead.get(path)).text).to.contain('Charter saved').and.contain('Discharge before 11am')
  })

  it('says plainly when the lead has not set up any priorities yet', async () => {
    await Priority.deleteMany({})
    const doctor = await signInAs(t, fixture.doctor)
    const form = await doctor.get(newPath)
    expect(form.text).to.contain('No organisational priorities yet').and.contain('Your programme lead has not added any yet').and.not.contain('Save charter')
    const posted = await doctor.submit(pairPath, { title: 'Something' }, newPath)
    expect(posted.status).to.equal(400)
    expect(posted.text).to.contain('No organisational priorities yet')
    expect(await QiProject.countDocuments()).to.equal(0)
  })
})
