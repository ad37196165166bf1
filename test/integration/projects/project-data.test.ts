// A project's measures, values, cycles and log are read once per revision of
// the project and kept: the project page shows every change made through the
// app at once (each one moves the revision), and a revision that did not move
// is not read again.
import { expect } from 'chai'
import { DataPoint } from '../../../models/data-point'
import { QiProject } from '../../../models/qi-project'
import { projectDataOf } from '../../../server/projects/project-data'
import { touchProject } from '../../../server/projects/projects.service'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { pdsaPlan, projectWithValues, weekly } from './measures-fixtures'

const latestCell = (page: string) => /<td class="nhsuk-table__cell">([^<]*)<br><span class="nhsuk-body-s">([^<]*)<\/span><\/td>/.exec(page)?.slice(1).join(', ')

describe('a project’s kept data', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof projectWithValues>>['f']
  let measure: Awaited<ReturnType<typeof projectWithValues>>['measure']
  let dara: Awaited<ReturnType<typeof projectWithValues>>['dara']

  beforeEach(async () => {
    t = await buildTestApp()
    ;({ f, measure, dara } = await projectWithValues(t, [12, 15, 11]))
  })

  const revision = async () => (await QiProject.findById(f.project._id).lean())!.revision

  it('is read once for parts asking at the same moment about the same revision', async () => {
    const version = (await QiProject.findById(f.project._id).lean())!
    const first = projectDataOf(version)
    expect(projectDataOf(version)).to.equal(first)
    expect((await first).measures).to.have.length(1)
  })

  it('shows a new value, log entry and PDSA cycle on the project page at once, each moving the revision', async () => {
    expect(latestCell((await dara.get(f.projectPath)).text)).to.equal('11 days, 21 September 2026, 3 points')
    expect(await revision()).to.equal(0)

    const point = { 'date-day': '28', 'date-month': '9', 'date-year': '2026', value: '9', note: '' }
    expect((await dara.submit(`${measure.measurePath}/points/new`, point)).status).to.equal(303)
    expect(latestCell((await dara.get(f.projectPath)).text)).to.equal('9 days, 28 September 2026, 4 points')
    expect(await revision()).to.equal(1)

    const entry = { 'date-day': '20', 'date-month': '11', 'date-year': '2026', did: 'Audited 40 discharges' }
    expect((await dara.submit(f.projectPath, entry, `${f.projectPath}/log`)).status).to.equal(303)
    expect((await dara.get(f.projectPath)).text).to.contain('Audited 40 discharges').and.contain('20 November 2026, Dara Okafor')
    expect(await revision()).to.equal(2)

    expect((await dara.submit(`${f.projectPath}/pdsa/new`, pdsaPlan(String(measure.measure._id)))).status).to.equal(303)
    expect((await dara.get(f.projectPath)).text).to.contain('PDSA 1: Open a discharge lounge at 10am')
    expect(await revision()).to.equal(3)
  })

  it('is not read again while the revision stays the same, and is read afresh once another process moves it', async () => {
    expect(latestCell((await dara.get(f.projectPath)).text)).to.equal('11 days, 21 September 2026, 3 points')
    // Written straight into the database, as no part of the app does: the project is not touched.
    await DataPoint.create({ measureId: measure.measure._id, projectId: f.project._id, createdBy: f.doctor._id, date: weekly(3), value: 8 })
    expect(latestCell((await dara.get(f.projectPath)).text), 'the kept read').to.equal('11 days, 21 September 2026, 3 points')

    // Any process that changes the project moves its revision in the database; this one sees it on its next read.
    await touchProject(f.project._id, new Date())
    expect(latestCell((await dara.get(f.projectPath)).text)).to.equal('8 days, 28 September 2026, 4 points')
  })

  it('is read afresh every time for a project with no revision (stored before revisions were counted)', async () => {
    await QiProject.collection.updateOne({ _id: f.project._id }, { $unset: { revision: '' } })
    expect(latestCell((await dara.get(f.projectPath)).text)).to.equal('11 days, 21 September 2026, 3 points')
    await DataPoint.create({ measureId: measure.measure._id, projectId: f.project._id, createdBy: f.doctor._id, date: weekly(3), value: 8 })
    expect(latestCell((await dara.get(f.projectPath)).text)).to.equal('8 days, 28 September 2026, 4 points')
  })
})
