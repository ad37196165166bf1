import { expect } from 'chai'
import { Enrolment } from '../../../models/enrolment'
import { OutboxMessage } from '../../../models/outbox-message'
import { Profile } from '../../../models/profile'
import { User } from '../../../models/user'
import { buildTestApp, csrfFrom, type TestApp } from '../../support/test-app'
import { insertCohort } from '../../support/cohorts'
import { insertUser, signedIn } from '../../support/users'

const HEADER = 'email,name,grade,specialty,site,interests,availability'

/** 5,000 doctors; every 500th row (lines 502, 1002 … 5002) is broken in a known way. */
function bigFile(): { csv: string; badLines: number[] } {
  const lines = [HEADER]
  const badLines: number[] = []
  for (let i = 1; i <= 5000; i += 1) {
    const line = i + 1
    let row = `doctor${i}@example.nhs.uk,"Doctor ${i}, Jr",FY${(i % 2) + 1},Cardiology,Guy’s Hospital,Discharge; Patient flow,mon-am; tue-pm`
    if (i % 500 === 0) {
      badLines.push(line)
      const kind = (i / 500) % 5
      if (kind === 0) row = `not-an-email-${i},X,FY1,Cardiology,,,`
      if (kind === 1) row = `doctor${i}@example.nhs.uk,X,FY1,Astrology,,,`
      if (kind === 2) row = `doctor${i}@example.nhs.uk,X,FY9,Cardiology,,,`
      if (kind === 3) row = `doctor1@example.nhs.uk,Duplicate of line 2,FY1,Cardiology,,,`
      if (kind === 4) row = `doctor${i}@example.nhs.uk,X,FY1,Cardiology,Mars General,,`
    }
    lines.push(row)
  }
  return { csv: '\uFEFF' + lines.join('\r\n') + '\r\n', badLines }
}

describe('CSV import', function () {
  this.timeout(120_000)
  let t: TestApp
  beforeEach(async () => {
    t = await buildTestApp()
  })

  async function upload(browser: Awaited<ReturnType<typeof signedIn>>['browser'], cohortId: string, csv: string, side = 'doctor', fileName = 'doctors.csv') {
    const form = await browser.get(`/cohorts/${cohortId}/import`)
    return browser.agent
      .post(`/cohorts/${cohortId}/import`)
      .field('_csrf', csrfFrom(form.text))
      .field('side', side)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: fileName, contentType: 'text/csv' })
  }

  it('previews 5,000 rows without writing, then imports the valid ones and names the skipped lines exactly; re-importing updates and never duplicates', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const { csv, badLines } = bigFile()

    const uploaded = await upload(browser, String(cohort._id), csv)
    expect(uploaded.status).to.equal(303)
    const preview = await browser.get(uploaded.headers.location!)
    expect(preview.text).to.contain('5000 rows of doctors')
    expect(preview.text).to.match(/4990 rows are ready to import/)
    expect(preview.text).to.match(/10 rows have problems/)
    expect(preview.text).to.contain('doctor1@example.nhs.uk is also on line 2')
    expect(preview.text).to.contain('Unknown specialty “Astrology”')
    expect(await User.countDocuments({ roles: 'doctor' }), 'nothing written before confirming').to.equal(0)

    const confirmPath = `${uploaded.headers.location}/confirm`
    const done = await browser.submit(uploaded.headers.location!, {}, confirmPath)
    expect(done.status).to.equal(303)
    const result = await browser.get(done.headers.location!)
    expect(result.text).to.match(/data-testid="imported-count">4990</)
    const skippedLines = [...result.text.matchAll(/<td class="nhsuk-table__cell">(\d+)<\/td>/g)].map(m => Number(m[1]))
    expect(skippedLines).to.deep.equal(badLines)

    expect(await User.countDocuments({ roles: 'doctor' })).to.equal(4990)
    expect(await Enrolment.countDocuments({ cohortId: cohort._id })).to.equal(4990)
    expect(await OutboxMessage.countDocuments({ dedupeKey: /^import-invitation:/ })).to.equal(4990)
    const one = await User.findOne({ email: 'doctor7@example.nhs.uk' }).lean()
    expect(one?.name).to.equal('Doctor 7, Jr')
    expect(await Profile.findOne({ userId: one!._id }).lean()).to.deep.include({ grade: 'FY2', specialty: 'Cardiology', site: 'Guy’s Hospital' })

    // The same people again, with a changed grade: updated, not duplicated, not re-invited.
    const again = await upload(browser, String(cohort._id), csv.replace('doctor7@example.nhs.uk,"Doctor 7, Jr",FY2', 'doctor7@example.nhs.uk,"Doctor 7, Jr",ST3'))
    await browser.submit(again.headers.location!, {}, `${again.headers.location}/confirm`)
    expect(await User.countDocuments({ roles: 'doctor' })).to.equal(4990)
    expect(await Enrolment.countDocuments({ cohortId: cohort._id })).to.equal(4990)
    expect(await OutboxMessage.countDocuments()).to.equal(4990)
    expect((await Profile.findOne({ userId: one!._id }).lean())?.grade).to.equal('ST3')
  })

  it('imports once when the confirm button is pressed twice at the same moment', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const uploaded = await upload(browser, String(cohort._id), `${HEADER}\na@example.nhs.uk,A,FY1,Cardiology,,,\nb@example.nhs.uk,B,FY1,Cardiology,,,\n`)
    const page = await browser.get(uploaded.headers.location!)
    const token = csrfFrom(page.text)
    const post = () => browser.agent.post(`${uploaded.headers.location}/confirm`).type('form').send({ _csrf: token })
    const responses = await Promise.all([post(), post(), post()])
    expect(responses.filter(r => r.status === 303).length).to.be.greaterThan(0)
    expect(await OutboxMessage.countDocuments()).to.equal(2)
    expect(await Enrolment.countDocuments()).to.equal(2)
  })

  it('enrols people who already have accounts without a new password link, keeping their own name', async () => {
    const cohort = await insertCohort()
    await insertUser({ email: 'known@example.nhs.uk', name: 'Their Own Name', roles: ['doctor'] })
    const { browser } = await signedIn(t, ['lead'])
    const uploaded = await upload(browser, String(cohort._id), `email,name\nknown@example.nhs.uk,Spreadsheet Name\n`)
    await browser.submit(uploaded.headers.location!, {}, `${uploaded.headers.location}/confirm`)
    expect((await User.findOne({ email: 'known@example.nhs.uk' }).lean())?.name).to.equal('Their Own Name')
    const message = await OutboxMessage.findOne().lean()
    expect(message?.subject).to.equal(`You have been added to ${cohort.name}`)
    expect(message?.text).not.to.contain('/invitations/')
  })

  it('answers file problems on the upload form: no file, wrong type, no email column, too large', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const form = await browser.get(`/cohorts/${cohort._id}/import`)
    const noFile = await browser.agent.post(`/cohorts/${cohort._id}/import`).field('_csrf', csrfFrom(form.text)).field('side', '')
    expect(noFile.status).to.equal(400)
    expect(noFile.text).to.contain('href="#side"').and.contain('Select a CSV file')
    const wrongType = await upload(browser, String(cohort._id), 'email\na@b.nhs.uk\n', 'doctor', 'people.xlsx')
    expect(wrongType.text).to.contain('The selected file must be a CSV')
    const noEmail = await upload(browser, String(cohort._id), 'name,grade\nA,FY1\n')
    expect(noEmail.text).to.contain('The first row must name the columns, including email')
    const huge = await upload(browser, String(cohort._id), `${HEADER}\n${'x'.repeat(6 * 1024 * 1024)}\n`)
    expect(huge.status).to.equal(400)
    expect(huge.text).to.contain('The file must be smaller than 5 MB')
  })

  it('refuses an upload without the CSRF token, and from a doctor', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    await browser.get(`/cohorts/${cohort._id}/import`)
    const forged = await browser.agent.post(`/cohorts/${cohort._id}/import`).field('side', 'doctor').attach('file', Buffer.from('email\na@b.nhs.uk\n'), 'a.csv')
    expect(forged.status).to.equal(403)
    const doctor = await signedIn(t, ['doctor'])
    expect((await doctor.browser.get(`/cohorts/${cohort._id}/import`)).status).to.equal(403)
  })

  it('offers a template to download', async () => {
    const cohort = await insertCohort()
    const { browser } = await signedIn(t, ['lead'])
    const response = await browser.get(`/cohorts/${cohort._id}/import/template/manager.csv`)
    expect(response.status).to.equal(200)
    expect(response.headers['content-type']).to.contain('text/csv')
    expect(response.text.startsWith('\uFEFFemail,name,job_title')).to.equal(true)
  })
})
