import { expect } from 'chai'
import { readImportFile } from '../../server/imports/import-file'
import { checkRows } from '../../server/imports/import-rows'
import { templateCsv } from '../../server/imports/import-columns'

const SITES = ['St Thomas’ Hospital', 'Guy’s Hospital']

function check(csv: string, side: 'doctor' | 'manager' = 'doctor') {
  const read = readImportFile(Buffer.from(csv, 'utf8'), side)
  if (!read.ok) throw new Error(read.message)
  return checkRows(read.rows, side, SITES)
}

describe('reading a people CSV', () => {
  it('copes with a BOM, Windows line endings, header case and quoted commas and line breaks', () => {
    const csv = '\uFEFFEmail,Name,Grade,Specialty,Site,Note\r\n' + 'a@example.nhs.uk,"Osei, Kwame",fy2,geriatric medicine,guy’s hospital,"Line one\r\nline two"\r\n' + 'b@example.nhs.uk,Bea,ST3,Cardiology,,\r\n'
    const { valid, invalid } = check(csv)
    expect(invalid).to.deep.equal([])
    expect(valid.map(v => [v.line, v.email, v.name])).to.deep.equal([
      [2, 'a@example.nhs.uk', 'Osei, Kwame'],
      [4, 'b@example.nhs.uk', 'Bea'],
    ])
    expect(valid[0]!.profile).to.include({ grade: 'FY2', specialty: 'Geriatric medicine', site: 'Guy’s Hospital', note: 'Line one\r\nline two' })
  })

  it('reports each problem with its line and column', () => {
    const csv = [
      'email,grade,specialty,site,interests,availability,unavailable',
      'ok@example.nhs.uk,FY1,Cardiology,,Discharge; patient flow,mon-am; TUE-PM,1/12/2026 - 14/12/2026 leave',
      'not-an-email,FY1,,,,,',
      'ok@example.nhs.uk,FY1,,,,,',
      'c@example.nhs.uk,FY9,Astrology,Elsewhere,Golf,mon-night,14/12/2026 - 1/12/2026',
    ].join('\n')
    const { valid, invalid } = check(csv)
    expect(valid.map(v => v.line)).to.deep.equal([2])
    expect(valid[0]!.profile.interests).to.deep.equal(['Discharge', 'Patient flow'])
    expect(valid[0]!.profile.availability).to.deep.equal(['mon-am', 'tue-pm'])
    expect(invalid.map(i => i.line)).to.deep.equal([3, 4, 5])
    expect(invalid[0]!.problems).to.deep.equal([{ column: 'email', message: '“not-an-email” is not a valid email address' }])
    expect(invalid[1]!.problems[0]!.message).to.equal('ok@example.nhs.uk is also on line 2: each person once only')
    expect(invalid[2]!.problems.map(p => p.column)).to.have.members(['interests', 'availability', 'site', 'grade', 'specialty', 'unavailable'])
  })

  it('checks manager columns: band, capacity, specialties covered and meetings', () => {
    const csv = [
      'email,job_title,band,specialties_covered,capacity,meetings',
      'm1@example.nhs.uk,General manager,Band 8B,Cardiology; Stroke medicine,2,Bed meeting | 08:30 daily | Site office; Board | monthly',
      'm2@example.nhs.uk,GM,10,Cardiology,4,Bed meeting',
    ].join('\n')
    const { valid, invalid } = check(csv, 'manager')
    expect(valid).to.have.length(1)
    expect(valid[0]!.profile).to.deep.include({ band: '8b', capacity: 2, specialtiesCovered: ['Cardiology', 'Stroke medicine'] })
    expect(valid[0]!.profile.shadowableMeetings).to.deep.equal([
      { title: 'Bed meeting', when: '08:30 daily', location: 'Site office' },
      { title: 'Board', when: 'monthly', location: '' },
    ])
    expect(invalid[0]!.problems.map(p => p.column)).to.have.members(['band', 'capacity', 'meetings'])
  })

  it('refuses a file without an email column, an empty file, and a non-UTF-8 file', () => {
    expect(readImportFile(Buffer.from('name,grade\nA,FY1\n'), 'doctor')).to.deep.include({ ok: false })
    expect(readImportFile(Buffer.from(''), 'doctor')).to.deep.equal({ ok: false, message: 'The file is empty' })
    expect(readImportFile(Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0x0a]), 'doctor')).to.deep.include({ ok: false })
  })

  it('offers templates that import cleanly', () => {
    for (const side of ['doctor', 'manager'] as const) {
      const read = readImportFile(Buffer.from(templateCsv(side), 'utf8'), side)
      expect(read.ok).to.equal(true)
      if (!read.ok) return
      const { valid, invalid } = checkRows(read.rows, side, ['St Thomas’ Hospital'])
      expect(invalid, side).to.deep.equal([])
      expect(valid).to.have.length(1)
    }
  })
})
