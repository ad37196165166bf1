import { expect } from 'chai'
import supertest from 'supertest'
import { DataPoint } from '../../../models/data-point'
import { Measure } from '../../../models/measure'
import { PdsaCycle } from '../../../models/pdsa-cycle'
import { QiProject } from '../../../models/qi-project'
import { insertMember } from '../../support/cohorts'
import { insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'
import { insertMeasure, insertProject, insertWeeklyPoints, weekly } from './measures-fixtures'

describe('who may see and change measures, data and PDSA cycles (routes)', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof insertProject>>
  let measurePath: string
  let pointPath: string
  let cyclePath: string

  const point = { 'date-day': '16', 'date-month': '11', 'date-year': '2026', value: '3', note: '' }
  const measureFields = { name: 'Taken over', type: 'process', definition: 'd', unit: '', direction: 'up', target: '' }

  beforeEach(async () => {
    t = await buildTestApp()
    f = await insertProject()
    const inserted = await insertMeasure(f.project._id, f.doctor._id)
    measurePath = inserted.measurePath
    await insertWeeklyPoints(inserted.measure, [10, 12, 11, 13])
    pointPath = `${measurePath}/points/${(await DataPoint.findOne().lean())!._id}`
    const cycle = await PdsaCycle.create({ projectId: f.project._id, number: 1, objective: 'Fewer late discharges', changeIdea: 'Discharge lounge', who: 'Ward team', where: 'Ward 7', plannedFor: weekly(2), prediction: 'Earlier discharges', measureIds: [inserted.measure._id], createdBy: f.doctor._id })
    cyclePath = `/pdsa/${cycle._id}`
  })

  /** Every form page of the measures work, and every change, with fields that would be accepted. */
  const pages = () => [
    `${f.projectPath}/measures/new`,
    `${measurePath}/edit`,
    `${measurePath}/delete`,
    `${measurePath}/limits`,
    `${measurePath}/points/new`,
    `${measurePath}/points/paste`,
    `${pointPath}/edit`,
    `${pointPath}/delete`,
    `${f.projectPath}/pdsa/new`,
    `${cyclePath}/plan`,
    `${cyclePath}/do`,
    `${cyclePath}/delete`,
  ]
  const changes = (): [string, Record<string, string>][] => [
    [`${f.projectPath}/measures/new`, measureFields],
    [`${measurePath}/edit`, measureFields],
    [`${measurePath}/delete`, {}],
    [`${measurePath}/rebase`, { from: weekly(2).toISOString().slice(0, 10) }],
    [`${measurePath}/baseline`, { baselinePoints: '3' }],
    [`${measurePath}/points/new`, point],
    [`${measurePath}/points/paste`, { points: '2026-11-16 3' }],
    [`${pointPath}/edit`, point],
    [`${pointPath}/delete`, {}],
    [`${cyclePath}/do`, { 'doneOn-day': '16', 'doneOn-month': '11', 'doneOn-year': '2026', whatHappened: 'Opened the lounge' }],
    [`${cyclePath}/delete`, {}],
  ]

  async function unchanged() {
    expect(await Measure.countDocuments()).to.equal(1)
    expect((await Measure.findOne().lean())!.name).to.equal('Length of stay')
    expect(await DataPoint.countDocuments()).to.equal(4)
    expect(await PdsaCycle.countDocuments()).to.equal(1)
    expect((await PdsaCycle.findOne().lean())!.doneOn).to.equal(null)
  }

  it('shows another pair nothing of an unshared project: every page and every change is "not found"', async () => {
    const other = await insertPublishedPair({ doctor: 'Ola Doctor', manager: 'Max Manager' }, f.cohortId)
    const ola = await signInAs(t, other.doctor)
    for (const page of [measurePath, cyclePath, ...pages()]) expect((await ola.get(page)).status, page).to.equal(404)
    for (const [action, fields] of changes()) expect((await ola.submit(`/pairs/${other.pair._id}`, fields, action)).status, action).to.equal(404)
    expect((await ola.get('/measures/not-an-id')).status).to.equal(404)
    expect((await ola.get('/pdsa/0123456789abcdef01234567')).status).to.equal(404)
    await unchanged()
  })

  it('lets the cohort read the measures, charts and cycles of a shared project, with no way to change them', async () => {
    const cora = await signInAs(t, await insertMember(f.cohortId, 'manager', { name: 'Cora Cohort' }))
    expect((await cora.get(measurePath)).status, 'not shared yet').to.equal(404)
    await QiProject.updateOne({}, { $set: { shared: true } })

    const measure = await cora.get(measurePath)
    expect(measure.status).to.equal(200)
    expect(measure.text).to.contain('<h2 id="xmr-chart">XmR chart</h2>').and.contain('Run chart data')
    expect(measure.text).to.not.contain('/points/new').and.not.contain('/edit"').and.not.contain('Delete this measure').and.not.contain('Recalculate or freeze')
    const cycle = await cora.get(cyclePath)
    expect(cycle.status).to.equal(200)
    expect(cycle.text).to.contain('Discharge lounge').and.not.contain(`${cyclePath}/plan`).and.not.contain('Record what happened')
    const project = await cora.get(f.projectPath)
    expect(project.text).to.contain(`href="${measurePath}"`).and.contain(`href="${cyclePath}"`).and.not.contain('Add a measure').and.not.contain('Plan a PDSA cycle')

    for (const page of pages()) expect((await cora.get(page)).status, page).to.equal(403)
    for (const [action, fields] of changes()) expect((await cora.submit(measurePath, fields, action)).status, action).to.equal(403)
    await unchanged()
  })

  it('lets either partner and a lead change the data; refuses a change without the CSRF token', async () => {
    const mina = await signInAs(t, f.manager)
    expect((await mina.submit(`${measurePath}/points/new`, point)).status).to.equal(303)
    const { browser: lead } = await signedIn(t, ['lead'])
    expect((await lead.get(measurePath)).text).to.contain('Add a value')
    expect((await lead.submit(`${pointPath}/edit`, { ...point, 'date-day': '17', value: '4' })).status).to.equal(303)
    expect(await DataPoint.countDocuments()).to.equal(5)

    const noToken = await mina.agent.post(`${measurePath}/points/new`).type('form').send({ ...point, 'date-day': '18' })
    expect(noToken.status).to.equal(403)
    const signedOut = await supertest(t.app).get(measurePath)
    expect(signedOut.status).to.equal(303)
    expect(signedOut.headers.location).to.equal('/sign-in')
    expect(await DataPoint.countDocuments()).to.equal(5)
  })
})
