import { expect } from 'chai'
import { Exclusion } from '../../../models/exclusion'
import { Pair } from '../../../models/pair'
import { Profile } from '../../../models/profile'
import { loadCandidates } from '../../../server/proposals/candidates'
import { insertCohort, insertMember } from '../../support/cohorts'

describe('loading a cohort for matching', () => {
  it('reads profiles as candidates, with exclusions and who is already paired', async () => {
    const cohort = await insertCohort()
    const other = await insertCohort({ name: 'Other' })
    const doctor = await insertMember(cohort._id, 'doctor')
    const paired = await insertMember(cohort._id, 'doctor')
    const manager = await insertMember(cohort._id, 'manager')
    await insertMember(other._id, 'doctor')
    await Profile.updateOne({ userId: doctor._id }, { $set: { specialty: 'Cardiology', site: 'A', interests: ['Discharge'], availability: ['mon-am'] } })
    await Profile.updateOne({ userId: manager._id }, { $set: { specialtiesCovered: ['Cardiology'], capacity: 2 } })
    await Exclusion.create({ cohortId: cohort._id, doctorId: doctor._id, managerId: manager._id, reason: 'x' })
    await Pair.create({ cohortId: cohort._id, doctorId: paired._id, managerId: manager._id, managerPlace: 1, publishedAt: new Date() })

    const loaded = await loadCandidates(cohort._id)
    expect(loaded.doctors.map(d => d.id)).to.have.members([String(doctor._id), String(paired._id)])
    expect(loaded.doctors.find(d => d.id === String(doctor._id))).to.deep.include({ specialty: 'Cardiology', site: 'A', interests: ['Discharge'], availability: ['mon-am'] })
    expect(loaded.managers).to.have.length(1)
    expect(loaded.managers[0]).to.deep.include({ specialtiesCovered: ['Cardiology'], capacity: 2 })
    expect(loaded.exclusions).to.deep.equal([[String(doctor._id), String(manager._id)]])
    expect([...loaded.pairedDoctors]).to.deep.equal([String(paired._id)])
    expect(loaded.placesTaken.get(String(manager._id))).to.equal(1)
  })
})
