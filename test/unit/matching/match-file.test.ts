// The JSON problem format of `npm run match`: what it accepts, and how it says no.
import { expect } from 'chai'
import { describeIssues, problemSchema, toAssignmentProblem } from '../../../scripts/match/problem'
import { solveAssignment } from '../../../server/matching/assignment'

describe('match problem file', () => {
  it('takes scores with null for ruled-out pairs, exclusions and locks', () => {
    const file = problemSchema.parse({
      doctors: [{ id: 'ana' }, { id: 'ben' }],
      managers: [
        { id: 'X', capacity: 1 },
        { id: 'Y', capacity: 2 },
      ],
      scores: [
        [90, 80],
        [85, null],
      ],
      exclusions: [['ana', 'X']],
    })
    const result = solveAssignment(toAssignmentProblem(file))
    expect(result.pairs.map(p => `${p.doctorId}-${p.managerId}`)).to.deep.equal(['ana-Y', 'ben-X'])
    expect(result.total).to.equal(165)
  })

  it('scores profiles when no scores are given, with the weights and requirements asked for', () => {
    const file = problemSchema.parse({
      doctors: [{ id: 'ana', specialty: 'Cardiology', site: 'North' }],
      managers: [
        { id: 'X', capacity: 1, specialtiesCovered: ['Cardiology'], site: 'South' },
        { id: 'Y', capacity: 1, specialtiesCovered: ['Paediatrics'], site: 'North' },
      ],
      weights: { specialty: 1, interests: 0, site: 0, availability: 0, preference: 0 },
      required: ['site'],
    })
    const problem = toAssignmentProblem(file)
    // All 100 points are specialty's: X covers it but is on another site, which is required.
    expect(Array.from(problem.scores.points)).to.deep.equal([100, 0])
    expect(Array.from(problem.scores.eligible!)).to.deep.equal([0, 1])
    expect(solveAssignment(problem).pairs[0]).to.include({ managerId: 'Y', score: 0 })
  })

  it('names each field at fault', () => {
    const parsed = problemSchema.safeParse({
      doctors: [{ id: 'ana' }],
      managers: [{ id: 'X', capacity: 'two' }],
      scores: [[120]],
      locsk: [],
    })
    expect(parsed.success).to.equal(false)
    const message = describeIssues(parsed.error!)
    expect(message).to.include('managers.0.capacity')
    expect(message).to.include('scores.0.0')
    expect(message).to.include('locsk')
  })

  it('checks that the scores fit the doctors and managers', () => {
    const parsed = problemSchema.safeParse({
      doctors: [{ id: 'ana' }, { id: 'ben' }],
      managers: [{ id: 'X', capacity: 1 }],
      scores: [[1, 2]],
    })
    expect(describeIssues(parsed.error!)).to.include('scores: has 1 rows but there are 2 doctors')
    expect(describeIssues(parsed.error!)).to.include('scores.0: has 2 scores but there are 1 managers')
  })
})
