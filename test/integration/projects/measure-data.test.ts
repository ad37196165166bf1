// The project page's parts share one read of a project's measures, values and
// cycles while it runs, and a page opened after a change reads afresh.
import { expect } from 'chai'
import { QiProject } from '../../../models/qi-project'
import { measureDataOf } from '../../../server/projects/measure-data'
import { insertMeasure, insertProject, insertWeeklyPoints } from './measures-fixtures'

describe('a project’s measure data', () => {
  it('is read once for parts asking at the same moment about the same version', async () => {
    const { project, doctor } = await insertProject()
    await insertMeasure(project._id, doctor._id)
    const version = (await QiProject.findById(project._id).lean())!
    const first = measureDataOf(version)
    expect(measureDataOf(version)).to.equal(first)
    expect((await first).measures).to.have.length(1)
  })

  it('reads afresh once the read is done, and for a newer version at once', async () => {
    const { project, doctor } = await insertProject()
    const { measure } = await insertMeasure(project._id, doctor._id)
    const before = (await QiProject.findById(project._id).lean())!
    expect((await measureDataOf(before)).points).to.have.length(0)
    await insertWeeklyPoints(measure, [12, 15, 11])
    // The same version again after the first read finished: nothing kept.
    expect((await measureDataOf(before)).points).to.have.length(3)
    const reading = measureDataOf(before)
    await QiProject.updateOne({ _id: project._id }, { $set: { lastActivityAt: new Date() } })
    const after = (await QiProject.findById(project._id).lean())!
    expect(+after.updatedAt).to.not.equal(+before.updatedAt)
    expect(measureDataOf(after)).to.not.equal(reading)
    await reading
  })
})
