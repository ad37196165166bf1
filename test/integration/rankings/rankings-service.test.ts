import { expect } from 'chai'
import { Cohort } from '../../../models/cohort'
import { Exclusion } from '../../../models/exclusion'
import { Ranking } from '../../../models/ranking'
import { ValidationError } from '../../../server/errors'
import { loadCandidates } from '../../../server/proposals/candidates'
import { createRankingsService } from '../../../server/rankings/rankings.service'
import { insertCohort } from '../../support/cohorts'
import { cardiologyDoctor, cardiologyManager, GUYS, member } from './ranking-fixtures'

const rankings = createRankingsService()

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (error instanceof ValidationError) return error.errors
    throw error
  }
  throw new Error('Expected a ValidationError')
}

describe('rankings service', () => {
  it('offers candidates by score then name, at most 10, leaving out excluded and ineligible people', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const names = ['Kim', 'Jo', 'Ian', 'Hal', 'Gus', 'Flo', 'Eli', 'Dot', 'Cal', 'Bo', 'Al']
    for (const name of names) await cardiologyManager(cohort._id, name, GUYS)
    const best = await cardiologyManager(cohort._id, 'Zoe Best')
    const excluded = await cardiologyManager(cohort._id, 'Aaron Excluded')
    await Exclusion.create({ cohortId: cohort._id, doctorId: doctor._id, managerId: excluded._id, reason: 'line manager' })

    const offered = await rankings.candidatesFor(cohort._id, String(doctor._id))
    expect(offered.map(c => c.name)).to.deep.equal(['Zoe Best', 'Al', 'Bo', 'Cal', 'Dot', 'Eli', 'Flo', 'Gus', 'Hal', 'Ian'])
    expect(offered[0]).to.deep.include({ id: String(best._id), description: 'Service manager, Heart and lung, St Thomas’ Hospital' })
    expect(offered[0]!.reasons).to.include('both at St Thomas’ Hospital')
    expect(offered[1]!.reasons.join('; ')).not.to.contain('site')

    await Cohort.updateOne({ _id: cohort._id }, { $set: { matchingRequired: ['site'] } })
    expect((await rankings.candidatesFor(cohort._id, String(doctor._id))).map(c => c.name)).to.deep.equal(['Zoe Best'])
  })

  it('does not count rankings when choosing whom to offer, even when the cohort requires ranking each other', async () => {
    const cohort = await insertCohort()
    await Cohort.updateOne({ _id: cohort._id }, { $set: { matchingRequired: ['preference'] } })
    const doctor = await cardiologyDoctor(cohort._id)
    const zed = await cardiologyManager(cohort._id, 'Zed Suited')
    const bea = await cardiologyManager(cohort._id, 'Bea Far', GUYS)
    await Ranking.create({ cohortId: cohort._id, userId: doctor._id, side: 'doctor', ranked: [bea._id] })
    await Ranking.create({ cohortId: cohort._id, userId: bea._id, side: 'manager', ranked: [doctor._id] })
    const offered = await rankings.candidatesFor(cohort._id, String(doctor._id))
    expect(offered.map(c => c.id)).to.deep.equal([String(zed._id), String(bea._id)])
    expect(offered[1]!.reasons.join('; ')).not.to.contain('ranked')
  })

  it('refuses more than five choices, and values that are not ids', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const managers = []
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F']) managers.push(String((await cardiologyManager(cohort._id, name))._id))
    const tooMany = await refusal(rankings.save(cohort._id, String(doctor._id), managers))
    expect(tooMany).to.deep.include({ field: 'choice-1', message: 'Choose at most 5 people' })
    const operator = await refusal(rankings.save(cohort._id, String(doctor._id), [{ $ne: null }]))
    expect(operator).to.deep.equal([{ field: 'choice-1', message: 'Choose your 1st choice from the list' }])
    expect(await Ranking.countDocuments()).to.equal(0)
  })

  it('keeps one ranking per person, replaced on each save, and gives the lead every ranking with counts', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const other = await cardiologyDoctor(cohort._id, 'Dr Not Ranked')
    const ada = await cardiologyManager(cohort._id, 'Ada Able')
    const bea = await cardiologyManager(cohort._id, 'Bea Best')
    await rankings.save(cohort._id, String(doctor._id), [String(ada._id)])
    await rankings.save(cohort._id, String(doctor._id), [String(bea._id), String(ada._id)])
    await rankings.save(cohort._id, String(ada._id), [String(other._id), String(doctor._id)])
    expect(await Ranking.countDocuments({ userId: doctor._id })).to.equal(1)
    expect(await rankings.get(cohort._id, String(doctor._id))).to.deep.equal([String(bea._id), String(ada._id)])

    const all = await rankings.forCohort(cohort._id)
    expect(all.doctorsRanked).to.equal(1)
    expect(all.managersRanked).to.equal(1)
    expect(all.ranks.get(String(ada._id))).to.deep.equal([String(other._id), String(doctor._id)])
    expect(all.ranks.has(String(other._id))).to.equal(false)
  })

  it('hands each person’s ranking to matching with their candidate', async () => {
    const cohort = await insertCohort()
    const doctor = await cardiologyDoctor(cohort._id)
    const ada = await cardiologyManager(cohort._id, 'Ada Able')
    const bea = await member(cohort._id, 'manager', 'Bea Best')
    await rankings.save(cohort._id, String(doctor._id), [String(ada._id)])
    await rankings.save(cohort._id, String(ada._id), [String(doctor._id)])
    const loaded = await loadCandidates(cohort._id)
    expect(loaded.doctors[0]?.ranks).to.deep.equal([String(ada._id)])
    expect(loaded.managers.find(m => m.id === String(ada._id))?.ranks).to.deep.equal([String(doctor._id)])
    expect(loaded.managers.find(m => m.id === String(bea._id))?.ranks).to.deep.equal([])
  })
})
