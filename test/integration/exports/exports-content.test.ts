// What each CSV export holds, on a cohort checked by hand (exports-fixture.ts):
// quoting, the BOM, formulas neutralised, UK times across the clock change.
import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { insertCrowd } from '../../support/workshops'
import { signedIn } from '../../support/users'
import { DOCTOR_NAME, insertExportsCohort, MANAGER_NAME, NOTE } from './exports-fixture'

type Rows = Record<string, string>[]

describe('exports: what each file holds', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertExportsCohort>>
  let lead: Awaited<ReturnType<typeof signedIn>>['browser']

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertExportsCohort()
    lead = (await signedIn(t, ['lead'])).browser
  })

  async function download(key: string): Promise<{ text: string; rows: Rows; headers: Record<string, string> }> {
    const response = await lead.get(`${fixture.base}/${key}.csv`)
    expect(response.status, key).to.equal(200)
    return { text: response.text, headers: response.headers as Record<string, string>, rows: parse(response.text, { bom: true, columns: true }) as Rows }
  }

  it('lists every download with what it holds, linked from the cohort page', async () => {
    expect((await lead.get(`/cohorts/${String(fixture.cohortId)}`)).text).to.contain(`href="${fixture.base}"`)
    const page = await lead.get(fixture.base)
    expect(page.status).to.equal(200)
    expect(page.text).to.contain('These files hold personal data')
    for (const key of ['people', 'pairs', 'shadowing-sessions', 'workshop-attendance', 'projects', 'reflections-summary']) expect(page.text).to.contain(`href="${fixture.base}/${key}.csv"`)
    expect(page.text).to.contain('Download reflections summary (CSV)').and.contain('Partners’ comments and the words of their concerns are not in it')
  })

  it('people and profiles: an attachment named after the cohort and date, a BOM, quoting and a formula neutralised', async () => {
    const { text, rows, headers } = await download('people')
    expect(headers['content-type']).to.equal('text/csv; charset=utf-8')
    expect(headers['content-disposition']).to.equal('attachment; filename=surgery-medicine-spring-2027-people-2026-11-23.csv')
    expect(headers['cache-control']).to.equal('no-store')
    expect(text.startsWith('\uFEFFName,Email,Doctor or manager,')).to.equal(true)
    expect(text).to.contain('"Okafor, Dara ""DJ"""').and.contain('\r\n')
    expect(rows.map(r => [r['Name'], r['Doctor or manager']])).to.deep.equal([
      [DOCTOR_NAME, 'Doctor'],
      [`'${MANAGER_NAME}`, 'Manager'],
    ])
    const [dara, mina] = rows as [Rows[0], Rows[0]]
    expect(dara['What they want from the programme']).to.equal(NOTE)
    expect(dara['Usually free']).to.equal('Monday morning; Thursday evening')
    expect([dara['Grade'], dara['Specialty'], dara['Site'], dara['Profile complete']]).to.deep.equal(['ST3', 'General surgery', 'St Thomas’ Hospital', 'Yes'])
    expect([mina['Job title'], mina['Band'], mina['Profile complete'], mina['Doctors they can take']]).to.deep.equal(['General manager', 'Band 8a', 'No', '1'])
    expect(mina['Missing from profile']).to.equal('directorate or service; specialties your service covers; QI interests; weekly availability')
  })

  it('pairs with the score, each criterion’s points and the reasons from the published proposal', async () => {
    const { rows } = await download('pairs')
    expect(rows).to.have.length(1)
    const pair = rows[0]!
    expect([pair['Doctor'], pair['Manager'], pair['Score'], pair['Specialty (points)'], pair['Same site (points)'], pair['Shared QI interests (points)'], pair['Ranked each other (points)']]).to.deep.equal([DOCTOR_NAME, `'${MANAGER_NAME}`, '50', '33', '17', '0', ''])
    expect(pair['Why they were paired']).to.equal('the manager’s service covers general surgery; both at St Thomas’ Hospital')
    expect([pair['Published (UK date)'], pair['Published (ISO 8601)']]).to.deep.equal(['2026-10-01', '2026-10-01T10:00:00+01:00'])
  })

  it('shadowing sessions in UK time on both sides of the October clock change', async () => {
    const { rows } = await download('shadowing-sessions')
    const columns = ['Who shadows whom', 'Status', 'Date (UK)', 'Start (UK)', 'End (UK)', 'Minutes', 'Start (ISO 8601)', 'End (ISO 8601)', 'Reflections written']
    expect(rows.map(r => columns.map(c => r[c]))).to.deep.equal([
      ['Doctor shadows manager', 'Happened', '2026-10-24', '09:30', '11:00', '90', '2026-10-24T09:30:00+01:00', '2026-10-24T11:00:00+01:00', '1'],
      ['Manager shadows doctor', 'Confirmed', '2026-10-26', '09:30', '11:00', '90', '2026-10-26T09:30:00+00:00', '2026-10-26T11:00:00+00:00', '0'],
    ])
    expect([rows[0]!['Host'], rows[0]!['Guest'], rows[0]!['Location']]).to.deep.equal([`'${MANAGER_NAME}`, DOCTOR_NAME, 'Site office, block B'])
  })

  it('workshop attendance as marked, and not held yet for a workshop to come', async () => {
    const { rows } = await download('workshop-attendance')
    expect(rows.map(r => [r['Workshop'], r['Date (UK)'], r['Start (UK)'], r['Start (ISO 8601)'], r['Name'], r['Doctor or manager'], r['Attendance']])).to.deep.equal([
      ['Module 1: Value and waste', '2026-10-20', '09:30', '2026-10-20T09:30:00+01:00', DOCTOR_NAME, 'Doctor', 'Attended'],
      ['Module 1: Value and waste', '2026-10-20', '09:30', '2026-10-20T09:30:00+01:00', `'${MANAGER_NAME}`, 'Manager', 'Absent'],
      ['Module 2: Flow', '2026-12-07', '09:30', '2026-12-07T09:30:00+00:00', DOCTOR_NAME, 'Doctor', 'Not held yet'],
    ])
    expect(rows[0]!['Series']).to.equal('Lean for Leaders')
    expect(rows[0]!['Where']).to.equal('Education centre, room 2, Guy’s Hospital')
  })

  it('projects with each measure’s latest value and date and its Making Data Count icons in words', async () => {
    const { rows } = await download('projects')
    expect(rows).to.have.length(1)
    const row = rows[0]!
    expect([row['Project'], row['Organisational priority'], row['Status'], row['Progress score'], row['Aim by'], row['Last updated (UK date)'], row['Last updated (ISO 8601)']]).to.deep.equal([
      'Discharge before noon on Ward 7',
      'Reduce length of stay',
      'Planning',
      '2.5',
      '2027-03-31',
      '2026-11-20',
      '2026-11-20T16:45:00+00:00',
    ])
    // 13 weekly values from Monday 7 September 2026: the last on 30 November.
    expect([row['Measure'], row['Measure type'], row['Which way is better'], row['Values'], row['Latest value'], row['Latest value’s date']]).to.deep.equal(['Length of stay', 'Outcome measure', 'Lower is better', '13', '1', '2026-11-30'])
    expect([row['Variation'], row['Variation in words']]).to.deep.equal(['Special cause improvement', 'The latest point is unusually low, and lower is better.'])
    expect(row['Assurance'], 'no target, so no assurance').to.equal('')
  })

  it('a reflections summary per pair per month: who reflected, the score, the lowest rating and concerns counted', async () => {
    const { rows } = await download('reflections-summary')
    expect(rows.map(r => [r['Month'], r['Month (name)'], r['Doctor reflected'], r['Manager reflected'], r['Reflections'], r['Compact score'], r['Lowest rating'], r['Concerns raised']])).to.deep.equal([
      ['2026-10', 'October 2026', 'Yes', 'Yes', '2', '4', '3', '1'],
      ['2026-11', 'November 2026', 'Yes', 'No', '1', '5', '5', '0'],
    ])
  })

  it('streams a cohort larger than one batch', async () => {
    await insertCrowd(fixture.cohortId, 450, 'manager')
    const { rows } = await download('people')
    expect(rows).to.have.length(452)
    expect(new Set(rows.map(r => r['Email'])).size).to.equal(452)
  })
})
