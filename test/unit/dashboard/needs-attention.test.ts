import { expect } from 'chai'
import { readAttentionQuery, sortAttention, pageOf } from '../../../server/dashboard/attention-sort'
import { dashboardOf, forAudience } from '../../../server/dashboard/dashboard-model'
import type { AttentionRow } from '../../../server/dashboard/needs-attention'
import { isProjectStale } from '../../../server/projects/project-staleness'
import { isPairQuiet } from '../../../server/shadowing/quiet-pairs'
import { cohortFacts, NOW } from './cohort-facts-fixture'

const brief = (rows: AttentionRow[]) => rows.map(r => `${r.pairId} ${r.kind}`)

describe('dashboard: needs attention', () => {
  const rows = () => dashboardOf(cohortFacts()).attention

  it('finds quiet pairs, overdue reflections, recent concerns and stale projects, oldest first by default', () => {
    const sorted = sortAttention(rows(), readAttentionQuery({}))
    expect(brief(sorted)).to.deep.equal([
      'p2 project-stale', // last update 1 October
      'p2 no-shadowing', // last session ended 2 October
      'p4 no-shadowing', // last session ended 20 October
      'p2 concern', // raised 5 November
      'p4 reflection-overdue', // overdue from 8 November: Fay and Nia…
      'p2 reflection-overdue', // …and Max (Ola answered); Fay's pair sorts first by name
    ])
    expect(sorted.map(r => r.since.toISOString())).to.deep.equal([
      '2026-10-01T09:00:00.000Z',
      '2026-10-02T11:00:00.000Z',
      '2026-10-20T12:00:00.000Z',
      '2026-11-05T10:00:00.000Z',
      '2026-11-08T00:00:00.000Z',
      '2026-11-08T00:00:00.000Z',
    ])
  })

  it('says what each issue is, who it concerns for the lead, and where to act on it', () => {
    const byKey = new Map(rows().map(r => [`${r.pairId} ${r.kind}`, r]))
    expect(byKey.get('p2 no-shadowing')).to.deep.include({ pair: 'Ola Doctor and Max Manager', issue: 'No shadowing for 4 weeks', note: 'Last session ended 2 October 2026', leadNote: '', href: '/pairs/p2' })
    expect(byKey.get('p4 reflection-overdue')).to.deep.include({ note: 'November 2026 reflection', leadNote: 'Not yet reflected: Fay Doctor and Nia Manager', href: '/pairs/p4/compact' })
    expect(byKey.get('p2 reflection-overdue')!.leadNote).to.equal('Not yet reflected: Max Manager')
    expect(byKey.get('p2 concern')).to.deep.include({ note: 'Raised in the November 2026 reflection', leadNote: 'Ola Doctor: “Sessions keep being cancelled”', href: '/pairs/p2/compact' })
    expect(byKey.get('p2 project-stale')).to.deep.include({ note: '“Theatre start times”: last update 1 October 2026', href: '/projects/q2' })
  })

  it('leaves out what is fine: active, booked or new pairs, answered months, old concerns, paused or recent projects', () => {
    const keys = brief(rows())
    for (const fine of ['p1 no-shadowing', 'p3 no-shadowing', 'p1 reflection-overdue', 'p3 reflection-overdue', 'p1 concern', 'p3 project-stale', 'p4 project-stale']) expect(keys).not.to.include(fine)
  })

  it('does not call a reflection overdue in its first 7 days', () => {
    const early = { ...cohortFacts(), now: new Date('2026-11-07T23:59:00Z') }
    expect(brief(dashboardOf(early).attention).filter(k => k.endsWith('reflection-overdue'))).to.deep.equal([])
  })

  it('draws the 4-week lines where the nudges and the digest draw them', () => {
    const fourWeeksAgo = new Date(+NOW - 28 * 86_400_000)
    expect(isProjectStale({ status: 'planning', lastActivityAt: fourWeeksAgo }, NOW)).to.equal(true)
    expect(isProjectStale({ status: 'planning', lastActivityAt: new Date(+fourWeeksAgo + 1) }, NOW)).to.equal(false)
    expect(isProjectStale({ status: 'completed', lastActivityAt: new Date('2026-01-01') }, NOW)).to.equal(false)
    const oldPair = { publishedAt: new Date('2026-09-01') }
    expect(isPairQuiet(oldPair, undefined, NOW)).to.equal(true)
    expect(isPairQuiet(oldPair, fourWeeksAgo, NOW)).to.equal(true)
    expect(isPairQuiet(oldPair, new Date(+fourWeeksAgo + 1), NOW)).to.equal(false)
    expect(isPairQuiet({ publishedAt: fourWeeksAgo }, undefined, NOW)).to.equal(false)
  })

  it('sorts by pair, by issue or by date, either way, ties by date then pair', () => {
    expect(brief(sortAttention(rows(), { sort: 'pair', dir: 'asc' }))).to.deep.equal(['p4 no-shadowing', 'p4 reflection-overdue', 'p2 project-stale', 'p2 no-shadowing', 'p2 concern', 'p2 reflection-overdue'])
    expect(brief(sortAttention(rows(), { sort: 'issue', dir: 'asc' }))).to.deep.equal(['p2 concern', 'p2 no-shadowing', 'p4 no-shadowing', 'p2 project-stale', 'p4 reflection-overdue', 'p2 reflection-overdue'])
    expect(brief(sortAttention(rows(), { sort: 'issue', dir: 'desc' }))).to.deep.equal(['p4 reflection-overdue', 'p2 reflection-overdue', 'p2 project-stale', 'p2 no-shadowing', 'p4 no-shadowing', 'p2 concern'])
    expect(brief(sortAttention(rows(), { sort: 'since', dir: 'desc' }))).to.deep.equal(['p4 reflection-overdue', 'p2 reflection-overdue', 'p2 concern', 'p4 no-shadowing', 'p2 no-shadowing', 'p2 project-stale'])
  })

  it('reads sorting and paging from a link, ignoring anything it does not know', () => {
    expect(readAttentionQuery({ sort: 'pair', dir: 'desc', page: '2' })).to.deep.equal({ sort: 'pair', dir: 'desc', page: 2 })
    expect(readAttentionQuery({ sort: { $ne: 1 }, dir: 'sideways', page: '-1' })).to.deep.equal({ sort: 'since', dir: 'asc', page: 1 })
    expect(readAttentionQuery({ sort: ['pair'], page: '1e9' })).to.deep.equal({ sort: 'since', dir: 'asc', page: 1 })
    const numbers = Array.from({ length: 7 }, (_, i) => i)
    expect(pageOf(numbers, 2, 3)).to.deep.equal({ rows: [3, 4, 5], page: 2, pages: 3, total: 7 })
    expect(pageOf(numbers, 9, 3)).to.deep.equal({ rows: [6], page: 3, pages: 3, total: 7 })
    expect(pageOf([], 1, 3)).to.deep.equal({ rows: [], page: 1, pages: 1, total: 0 })
  })

  it('gives a sponsor the pair and the kind of issue, without concern text, names of who, links or the people list', () => {
    const sponsor = forAudience(dashboardOf(cohortFacts()), 'sponsor')
    expect(sponsor.people).to.deep.equal([])
    for (const row of sponsor.attention) expect(row).to.deep.include({ leadNote: '', href: '' })
    expect(JSON.stringify(sponsor)).not.to.contain('Sessions keep being cancelled').and.not.to.contain('@example.nhs.uk')
    expect(sponsor.attention.find(r => r.kind === 'concern')).to.deep.include({ pair: 'Ola Doctor and Max Manager', issue: 'Concern raised' })
  })
})
