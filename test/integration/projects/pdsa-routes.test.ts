import { expect } from 'chai'
import { PdsaCycle } from '../../../models/pdsa-cycle'
import { QiProject } from '../../../models/qi-project'
import { projectEvidence } from '../../../server/projects/measures.service'
import { insertMember } from '../../support/cohorts'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { insertMeasure, insertWeeklyPoints, pdsaPlan, PROJECT_STARTED, projectWithValues } from './measures-fixtures'

// START_TIME is Monday 23 November 2026: 24 November is in the future.
const VALUES = [10, 12, 11, 13, 12, 11, 10, 12, 11, 30]

describe('PDSA cycles (routes)', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof projectWithValues>>['f']
  let dara: Awaited<ReturnType<typeof projectWithValues>>['dara']
  let measure: Awaited<ReturnType<typeof projectWithValues>>['measure']

  beforeEach(async () => {
    t = await buildTestApp()
    ;({ f, measure, dara } = await projectWithValues(t, VALUES))
  })

  const newCycle = () => `${f.projectPath}/pdsa/new`

  it('refuses an empty plan and a date that is not real, keeping what was typed; plans cycle 1, then 2, touching the project', async () => {
    const empty = await dara.submit(newCycle(), {})
    expect(empty.status).to.equal(400)
    for (const [field, message] of [
      ['objective', 'Enter the objective of this cycle'],
      ['changeIdea', 'Enter the change you will test'],
      ['who', 'Enter who will carry out the test'],
      ['where', 'Enter where the test will happen'],
      ['plannedFor-day', 'Enter the date the test starts'],
      ['prediction', 'Enter what you predict will happen'],
    ]) {
      expect(empty.text).to.contain(`<a href="#${field}">${message}</a>`)
    }
    const typed = { ...pdsaPlan(String(measure.measure._id)), 'plannedFor-day': '31', 'plannedFor-month': '2' }
    const unreal = await dara.submit(newCycle(), typed)
    expect(unreal.status).to.equal(400)
    expect(unreal.text).to.contain('The date the test starts must be a real date').and.contain('Open a discharge lounge at 10am').and.contain('value="31"')
    expect(unreal.text).to.match(/value="[0-9a-f]{24}" checked/)
    const foreign = await dara.submit(newCycle(), { ...pdsaPlan('0123456789abcdef01234567') })
    expect(foreign.text).to.contain('Select measures of this project')
    expect(await PdsaCycle.countDocuments()).to.equal(0)
    expect(+(await QiProject.findById(f.project._id).lean())!.lastActivityAt).to.equal(+PROJECT_STARTED)

    // A plan may be for a date still to come.
    const first = await dara.submit(newCycle(), { ...pdsaPlan(String(measure.measure._id)), 'plannedFor-day': '7', 'plannedFor-month': '12' })
    expect(first.status).to.equal(303)
    const cycle = await PdsaCycle.findOne().lean()
    expect(cycle).to.include({ number: 1, changeIdea: 'Open a discharge lounge at 10am', decision: null })
    expect(first.headers.location).to.equal(`/pdsa/${cycle!._id}`)
    expect(+(await QiProject.findById(f.project._id).lean())!.lastActivityAt).to.equal(+START_TIME)
    expect((await dara.submit(newCycle(), pdsaPlan(String(measure.measure._id)))).status).to.equal(303)
    expect((await PdsaCycle.find().sort({ number: 1 }).lean()).map(c => c.number)).to.deep.equal([1, 2])
  })

  it('takes a cycle through Do, Study and Act in order, refusing bad input at each; adapt starts the next cycle, prefilled and linked', async () => {
    const created = await dara.submit(newCycle(), pdsaPlan(String(measure.measure._id)))
    const path = created.headers.location!
    expect((await dara.get(`${path}/study`)).status, 'no study before the test is done').to.equal(409)
    expect((await dara.get(`${path}/act`)).status).to.equal(409)

    const future = await dara.submit(`${path}/do`, { 'doneOn-day': '24', 'doneOn-month': '11', 'doneOn-year': '2026', whatHappened: '' })
    expect(future.status).to.equal(400)
    expect(future.text).to.contain('The date the test was done must be today or in the past').and.contain('Enter what happened when you carried out the test')
    const done = await dara.submit(`${path}/do`, { 'doneOn-day': '28', 'doneOn-month': '9', 'doneOn-year': '2026', whatHappened: 'The lounge opened on three days of five' })
    expect(done.status).to.equal(303)

    const noStudy = await dara.submit(`${path}/study`, { results: '' })
    expect(noStudy.status).to.equal(400)
    expect(noStudy.text).to.contain('Enter the results, compared with your prediction').and.contain('Select the measures that show the results')
    expect(noStudy.text).to.contain('Half of discharges before noon within 4 weeks')
    expect((await dara.submit(`${path}/study`, { results: 'A third before noon, not half', measureIds: String(measure.measure._id) })).status).to.equal(303)

    const noDecision = await dara.submit(`${path}/act`, { decision: 'maybe', nextSteps: '' })
    expect(noDecision.status).to.equal(400)
    expect(noDecision.text).to.contain('Select adopt, adapt or abandon').and.contain('Enter what you will do next')
    expect((await dara.submit(`${path}/act`, { decision: 'adapt', nextSteps: 'Open the lounge every weekday' })).status).to.equal(303)

    const page = await dara.get(path)
    expect(page.text).to.contain('Adapted').and.contain('A third before noon, not half').and.contain('Open the lounge every weekday')
    const firstId = path.split('/').pop()!
    expect(page.text).to.contain(`href="${newCycle()}?after=${firstId}"`).and.contain('Start the next cycle, with the change adapted')

    const next = await dara.get(`${newCycle()}?after=${firstId}`)
    expect(next.text).to.contain('Plan the cycle after PDSA 1').and.contain('What you planned next: Open the lounge every weekday')
    expect(next.text).to.contain('Fewer discharges after noon').and.contain('value="Ward sister and the pair"').and.contain(`name="previousId" value="${firstId}"`)
    const second = await dara.submit(`${newCycle()}?after=${firstId}`, { ...pdsaPlan(String(measure.measure._id)), changeIdea: 'Open the lounge every weekday', previousId: firstId })
    expect(second.status).to.equal(303)
    const cycle2 = await PdsaCycle.findOne({ number: 2 }).lean()
    expect(String(cycle2!.previousId)).to.equal(firstId)
    expect((await dara.get(second.headers.location!)).text).to.contain(`Follows <a href="${path}">PDSA 1</a>`)
    expect((await dara.get(path)).text).to.contain(`Followed by <a href="/pdsa/${cycle2!._id}">PDSA 2</a>`)

    // A cycle can only follow one of the same project's.
    const stranger = await dara.get(`${newCycle()}?after=0123456789abcdef01234567`)
    expect(stranger.status).to.equal(404)

    // Deleting PDSA 1 leaves PDSA 2, following nothing.
    expect((await dara.get(`${path}/delete`)).text).to.contain('PDSA 2 will stay, no longer marked as following it')
    expect((await dara.submit(`${path}/delete`, {})).status).to.equal(303)
    expect((await PdsaCycle.findById(cycle2!._id).lean())!.previousId).to.equal(null)
    expect(await PdsaCycle.countDocuments()).to.equal(1)
  })

  it('marks the linked measure’s charts at the plan date, then at the Do date', async () => {
    const created = await dara.submit(newCycle(), pdsaPlan(String(measure.measure._id)))
    const path = created.headers.location!
    // Planned for 28 September 2026 = the fourth point (index 3): x = 56 + 3 × 564/9 = 244.
    const planned = (await dara.get(measure.measurePath)).text
    expect(planned.match(/<g class="annotation"><line x1="244"/g)).to.have.length(2)
    expect(planned).to.contain('Marked: PDSA 1.').and.contain('PDSA 1</a>, 28 September 2026')
    // Done on 1 October 2026: 3 days into the week after index 3, x = 56 + (3 + 3/7) × 62.67 = 270.86.
    await dara.submit(`${path}/do`, { 'doneOn-day': '1', 'doneOn-month': '10', 'doneOn-year': '2026', whatHappened: 'Opened' })
    const done = (await dara.get(measure.measurePath)).text
    expect(done.match(/<g class="annotation"><line x1="270.86"/g)).to.have.length(2)
    expect(done).to.contain('PDSA 1</a>, 1 October 2026')
    // A measure the cycle is not linked to is not marked.
    const other = await insertMeasure(f.project._id, f.doctor._id, { name: 'Readmissions', type: 'balancing' })
    await insertWeeklyPoints(other.measure, [1, 2, 1, 2])
    expect((await dara.get(other.measurePath)).text).to.not.contain('class="annotation"')
  })

  it('lists cycles and measures on the project page, gives the lead the latest signal, and counts the evidence for the progress score', async () => {
    const created = await dara.submit(newCycle(), pdsaPlan(String(measure.measure._id)))
    const project = await dara.get(f.projectPath)
    expect(project.text).to.contain('PDSA 1: Open a discharge lounge at 10am').and.contain('Planned')
    expect(project.text).to.contain(`href="${measure.measurePath}"`).and.contain('Special cause concern').and.contain('30 days')
    expect(project.text).to.contain('Add a measure').and.contain('Plan a PDSA cycle')

    const { browser: lead } = await signedIn(t, ['lead'])
    const portfolio = await lead.get(`/cohorts/${f.cohortId}/projects`)
    expect(portfolio.text).to.contain('Special cause concern').and.contain('Length of stay, 9 November 2026')

    // 10 points: a baseline; the 9-point run below the mean is improvement (lower is better); nothing sustained.
    expect(await projectEvidence({ _id: f.project._id })).to.deep.equal({ pdsaPlanned: 1, pdsaCompleted: 0, measuresWithBaseline: 1, improvementSignals: 1, sustainedImprovement: 0 })
    const path = created.headers.location!
    await dara.submit(`${path}/do`, { 'doneOn-day': '1', 'doneOn-month': '10', 'doneOn-year': '2026', whatHappened: 'Opened' })
    await dara.submit(`${path}/study`, { results: 'Better', measureIds: String(measure.measure._id) })
    expect((await projectEvidence({ _id: f.project._id })).pdsaCompleted).to.equal(1)
  })

  it('lets a cohort member read a shared project’s cycle but not change it', async () => {
    const created = await dara.submit(newCycle(), pdsaPlan(String(measure.measure._id)))
    const path = created.headers.location!
    await QiProject.updateOne({}, { $set: { shared: true } })
    const cora = await signInAs(t, await insertMember(f.cohortId, 'doctor', { name: 'Cora Cohort' }))
    const page = await cora.get(path)
    expect(page.status).to.equal(200)
    expect(page.text).to.contain('Open a discharge lounge at 10am').and.not.contain('Record what happened').and.not.contain('Delete this cycle')
    for (const stage of ['plan', 'do', 'delete']) expect((await cora.get(`${path}/${stage}`)).status, stage).to.equal(403)
    expect((await cora.get(newCycle())).status).to.equal(403)
    expect((await cora.submit(path, pdsaPlan(String(measure.measure._id)), newCycle())).status).to.equal(403)
    expect(await PdsaCycle.countDocuments()).to.equal(1)
  })
})
