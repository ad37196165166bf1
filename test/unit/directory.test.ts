import { expect } from 'chai'
import { filterAndSort, PAGE_SIZE, type DirectoryRow } from '../../server/people/directory.service'

const row = (over: Partial<DirectoryRow>): DirectoryRow => ({
  userId: over.email ?? 'x',
  name: 'Name',
  email: 'x@example.nhs.uk',
  side: 'doctor',
  specialty: 'Cardiology',
  site: 'A',
  gradeOrBand: 'FY1',
  complete: true,
  completeness: 100,
  status: 'active',
  ...over,
})

describe('directory filtering and sorting', () => {
  const rows = [
    row({ name: 'Cara', email: 'c@x', side: 'manager', specialty: 'Cardiology, Stroke medicine', site: 'B', completeness: 40, complete: false }),
    row({ name: 'Abe', email: 'a@x', site: 'B' }),
    row({ name: 'Bo', email: 'b@x', specialty: 'Urology', status: 'invited', completeness: 0, complete: false }),
  ]
  const base = { sort: 'name', order: 'asc', page: 1 } as const

  it('sorts by name, and descending when asked', () => {
    expect(filterAndSort(rows, base).rows.map(r => r.name)).to.deep.equal(['Abe', 'Bo', 'Cara'])
    expect(filterAndSort(rows, { ...base, order: 'desc' }).rows.map(r => r.name)).to.deep.equal(['Cara', 'Bo', 'Abe'])
  })

  it('sorts completeness numerically', () => {
    expect(filterAndSort(rows, { ...base, sort: 'complete' }).rows.map(r => r.name)).to.deep.equal(['Bo', 'Cara', 'Abe'])
  })

  it('combines filters, and matches a manager on any specialty their service covers', () => {
    expect(filterAndSort(rows, { ...base, site: 'B' }).rows.map(r => r.name)).to.deep.equal(['Abe', 'Cara'])
    expect(filterAndSort(rows, { ...base, specialty: 'Stroke medicine' }).rows.map(r => r.name)).to.deep.equal(['Cara'])
    expect(filterAndSort(rows, { ...base, complete: 'no', status: 'invited' }).rows.map(r => r.name)).to.deep.equal(['Bo'])
    expect(filterAndSort(rows, { ...base, search: 'CA' }).rows.map(r => r.name)).to.deep.equal(['Cara'])
  })

  it('paginates, clamping a page beyond the end', () => {
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => row({ name: `P${String(i).padStart(3, '0')}`, email: `${i}@x` }))
    const last = filterAndSort(many, { ...base, page: 99 })
    expect(last).to.include({ page: 2, pages: 2, total: PAGE_SIZE + 5 })
    expect(last.rows).to.have.length(5)
  })
})
