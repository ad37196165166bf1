import { expect } from 'chai'
import { DataPoint } from '../../../models/data-point'
import { Measure } from '../../../models/measure'
import { loadCohortFacts, type ProjectMemo } from '../../../server/dashboard/dashboard-data'
import { touchProject } from '../../../server/projects/projects.service'
import { START_TIME } from '../../support/test-app'
import { PRIVATE_COMMENT, insertDashboardCohort } from '../../support/dashboard'

describe('dashboard facts from the database', () => {
  it('never reads a reflection comment', async () => {
    const { cohortId } = await insertDashboardCohort()
    const facts = await loadCohortFacts({ _id: cohortId, name: 'Cohort' }, START_TIME)
    expect(facts.reflections).to.have.length(3)
    expect(JSON.stringify(facts.reflections)).not.to.contain(PRIVATE_COMMENT)
  })

  it('re-reads a project’s cycles, measures and data only once the project has changed', async () => {
    const { cohortId, projects } = await insertDashboardCohort()
    const cohort = { _id: cohortId, name: 'Cohort' }
    const memo: ProjectMemo = new Map()
    const improving = async () => (await loadCohortFacts(cohort, START_TIME, memo)).projects.find(p => p.projectId === String(projects.q2._id))!.improving
    expect(await improving()).to.equal(false)
    // A value far below the lower limit of Ola and Max's "down" measure, written without
    // touching the project: the memo still holds what the project said when last read.
    const measure = (await Measure.findOne({ projectId: projects.q2._id, direction: 'down' }).lean())!
    await DataPoint.create({ measureId: measure._id, projectId: projects.q2._id, createdBy: projects.q2.doctorId, date: new Date('2026-11-16'), value: 2 })
    expect(await improving()).to.equal(false)
    // Every service that adds data touches the project; then it is read again.
    await touchProject(projects.q2._id, START_TIME)
    expect(await improving()).to.equal(true)
    expect((await loadCohortFacts(cohort, START_TIME)).projects.find(p => p.projectId === String(projects.q2._id))!.improving).to.equal(true)
  })
})
