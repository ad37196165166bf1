// The demo's QI projects tell the stories their comments promise: the charts a
// visitor opens show a special-cause improvement, a concern, common cause, and a
// rebased measure that consistently passes its target.
import { expect } from 'chai'
import { Types } from 'mongoose'
import { DataPoint } from '../../../models/data-point'
import { Measure } from '../../../models/measure'
import { Pair } from '../../../models/pair'
import { PdsaCycle } from '../../../models/pdsa-cycle'
import { Priority } from '../../../models/priority'
import { QiProject } from '../../../models/qi-project'
import { measureIcons } from '../../../server/projects/chart-data'
import { removeProjects, seedProjects } from '../../../scripts/demo/projects'

async function insertDemoCohort(pairCount: number) {
  const cohortId = new Types.ObjectId()
  await Priority.insertMany(['Length of stay', 'Elective recovery', 'Deteriorating patient', 'Flow', 'Wellbeing'].map(title => ({ title, description: `${title} (demo)` })))
  await Pair.insertMany(Array.from({ length: pairCount }, () => ({ cohortId, doctorId: new Types.ObjectId(), managerId: new Types.ObjectId(), managerPlace: 1, publishedAt: new Date() })))
  return cohortId
}

async function iconsByMeasure() {
  const result: Record<string, string> = {}
  for (const measure of await Measure.find().lean()) {
    const points = await DataPoint.find({ measureId: measure._id }).sort({ date: 1 }).lean()
    const icons = measureIcons(measure, points)
    result[measure.name] = `${icons.variation?.key ?? '-'} / ${icons.assurance?.key ?? '-'}`
  }
  return result
}

describe('the demo’s QI projects', () => {
  it('gives eight of ten pairs a project, with the signals the demo describes, and removes them again', async () => {
    const cohortId = await insertDemoCohort(10)
    const summary = await seedProjects(cohortId)
    expect(summary).to.equal('8 QI projects (176 data points, 7 PDSA cycles), 2 pairs yet to start one')
    const icons = await iconsByMeasure()
    expect(icons['Discharges before noon']).to.equal('improvement-high / consistently-fail')
    expect(icons['Minutes to first antibiotic']).to.equal('improvement-low / consistently-fail')
    expect(icons['Cancelled on the day']).to.equal('common-cause / hit-and-miss')
    expect(icons['Summaries within 24 hours']).to.equal('concern-low / consistently-fail')
    expect(icons['Letters within 7 days']).to.equal('common-cause / consistently-pass')
    // Every data point is in the past, whatever day the demo is seeded.
    expect(await DataPoint.countDocuments({ date: { $gt: new Date() } })).to.equal(0)
    // Cycle 2 of the discharge project follows cycle 1.
    const discharge = await QiProject.findOne({ title: 'Discharge before noon on Ward 7' }).lean()
    const [first, second] = await PdsaCycle.find({ projectId: discharge!._id }).sort({ number: 1 }).lean()
    expect(String(second!.previousId)).to.equal(String(first!._id))

    await removeProjects([cohortId])
    expect(await QiProject.countDocuments()).to.equal(0)
    expect(await DataPoint.countDocuments()).to.equal(0)
    expect(await PdsaCycle.countDocuments()).to.equal(0)
  })
})
