import { expect } from 'chai'
import { Cohort } from '../../../models/cohort'
import { CompactVersion } from '../../../models/compact-version'
import { insertPublishedPair } from '../../support/shadowing'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn, signInAs } from '../../support/users'

// START_TIME is 23 November 2026. With reflection day 20, November's reflection
// opened on the 20th and partners see each other's answers from the 27th.
describe('the pair compact and monthly reflection', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertPublishedPair>>
  let path: string

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertPublishedPair()
    await Cohort.updateOne({ _id: fixture.cohortId }, { $set: { reflectionDay: 20, status: 'running', compactTemplate: ['We speak openly', 'We keep the dates we agree'] } })
    path = `/pairs/${fixture.pair._id}/compact`
  })

  async function agreeBoth(version: number) {
    for (const person of [fixture.doctor, fixture.manager]) {
      const browser = await signInAs(t, person)
      expect((await browser.submit(path, { version: String(version) }, `${path}/agree`)).status).to.equal(303)
    }
  }

  it('starts from the cohort template and is agreed only when both agree the same, latest version', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const page = await doctor.get(path)
    expect(page.text).to.contain('We speak openly').and.contain('Draft').and.contain('I agree version 1')
    await doctor.submit(path, { version: '1' }, `${path}/agree`)
    expect((await doctor.get(path)).text).to.contain('Draft').and.not.contain('I agree version 1')

    // The manager rewords it before agreeing: version 2, which nobody has agreed.
    const manager = await signInAs(t, fixture.manager)
    const saved = await manager.submit(`${path}/edit`, { basedOn: '1', commitments: 'We speak openly\nWe keep the dates we agree\nWe keep the patient at the centre' })
    expect(saved.status).to.equal(303)
    const after = await doctor.get(path)
    expect(after.text).to.contain('Version 2').and.contain('I agree version 2').and.contain('Earlier versions (1)')
    // Agreeing the old version now is refused.
    expect((await doctor.submit(path, { version: '1' }, `${path}/agree`)).status).to.equal(409)
    await agreeBoth(2)
    expect((await doctor.get(path)).text).to.contain('Agreed by both')
  })

  it('keeps both partners’ words when they save a new version at the same moment', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    const manager = await signInAs(t, fixture.manager)
    await doctor.get(path) // the first view makes version 1
    const [a, b] = await Promise.all([
      doctor.submit(`${path}/edit`, { basedOn: '1', commitments: 'Doctor wording' }),
      manager.submit(`${path}/edit`, { basedOn: '1', commitments: 'Manager wording' }),
    ])
    expect([a.status, b.status].sort()).to.deep.equal([303, 409])
    const loser = a.status === 409 ? a : b
    expect(loser.text).to.contain('Your partner changed the compact while you were editing it').and.contain(a.status === 409 ? 'Doctor wording' : 'Manager wording')
    expect(await CompactVersion.countDocuments({ pairId: fixture.pair._id })).to.equal(2)
  })

  it('refuses empty, too long and too many commitments with clear messages, keeping the text', async () => {
    const doctor = await signInAs(t, fixture.doctor)
    await doctor.get(path)
    const empty = await doctor.submit(`${path}/edit`, { basedOn: '1', commitments: '  \n ' })
    expect(empty.status).to.equal(400)
    expect(empty.text).to.contain('Write at least one commitment')
    const long = await doctor.submit(`${path}/edit`, { basedOn: '1', commitments: `Fine\n${'x'.repeat(201)}` })
    expect(long.text).to.contain('Commitment 2 must be 200 characters or fewer').and.contain('Fine')
    const many = await doctor.submit(`${path}/edit`, { basedOn: '1', commitments: Array.from({ length: 13 }, (_, i) => `C${i}`).join('\n') })
    expect(many.text).to.contain('Write 12 commitments or fewer')
  })

  it('shows each partner’s ratings to the other once both answer, shares concerns with the lead and never the comments', async () => {
    await agreeBoth(1)
    const doctor = await signInAs(t, fixture.doctor)
    const bad = await doctor.submit(path, { 'rating-0': '4', raise: 'yes' }, `${path}/reflection`)
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('Rate how well you kept “We keep the dates we agree”').and.contain('Write the concern you want to share')

    await doctor.submit(path, { 'rating-0': '4', 'rating-1': '2', comment: 'PRIVATE-DOCTOR-NOTE', raise: 'yes', concern: 'Sessions keep being moved at short notice' }, `${path}/reflection`)
    const manager = await signInAs(t, fixture.manager)
    const before = await manager.get(path)
    expect(before.text).to.not.contain('PRIVATE-DOCTOR-NOTE')
    await manager.submit(path, { 'rating-0': '5', 'rating-1': '3', comment: 'PRIVATE-MANAGER-NOTE' }, `${path}/reflection`)
    const bothAnswered = await manager.get(path)
    expect(bothAnswered.text).to.contain('PRIVATE-DOCTOR-NOTE').and.contain('Dara Okafor’s rating')
    // Score: (4 + 2 + 5 + 3) / 4 = 3.5.
    expect(bothAnswered.text).to.contain('November 2026').and.contain('>3.5<')

    // A second reflection for the month is refused.
    expect((await manager.submit(path, { 'rating-0': '1', 'rating-1': '1' }, `${path}/reflection`)).status).to.equal(409)

    const { browser: lead } = await signedIn(t, ['lead'])
    for (const page of [await lead.get(`/cohorts/${fixture.cohortId}/compact`), await lead.get(path)]) {
      expect(page.status).to.equal(200)
      expect(page.text).to.not.contain('PRIVATE-DOCTOR-NOTE').and.not.contain('PRIVATE-MANAGER-NOTE')
    }
    const overview = await lead.get(`/cohorts/${fixture.cohortId}/compact`)
    expect(overview.text).to.contain('Sessions keep being moved at short notice').and.contain('2 of 2').and.contain('November 2026: 3.5')
    // The lead looks but does not agree for the pair.
    expect((await lead.submit(path, { version: '1' }, `${path}/agree`)).status).to.equal(403)
  })

  it('lets partners see a lone answer after 7 days', async () => {
    await agreeBoth(1)
    const doctor = await signInAs(t, fixture.doctor)
    await doctor.submit(path, { 'rating-0': '3', 'rating-1': '3' }, `${path}/reflection`)
    expect((await doctor.get(path)).text).to.contain('Mina Shah has not answered yet. Their answers will show here once they have, or from 27 November 2026').and.contain('No months to show yet')
    const manager = await signInAs(t, fixture.manager)
    expect((await manager.get(path)).text).to.not.contain('Dara Okafor’s answers for')
    t.clock.set(new Date('2026-11-27T09:00:00Z'))
    const later = await manager.get(path)
    expect(later.text).to.contain('Dara Okafor’s answers for November 2026').and.contain('Save reflection')
    expect((await doctor.get(path)).text).to.contain('>3<').and.not.contain('No months to show yet')
  })

  it('hides the compact from people outside the pair and validates the lead’s template', async () => {
    const stranger = (await signedIn(t, ['doctor'])).browser
    expect((await stranger.get(path)).status).to.equal(404)
    expect((await stranger.get(`/cohorts/${fixture.cohortId}/compact`)).status).to.equal(403)
    const { browser: lead } = await signedIn(t, ['lead'])
    const template = `/cohorts/${fixture.cohortId}/compact/template`
    const bad = await lead.submit(template, { commitments: '', reflectionDay: '31' })
    expect(bad.status).to.equal(400)
    expect(bad.text).to.contain('Write at least one commitment').and.contain('Enter a day of the month from 1 to 28')
    expect((await lead.submit(template, { commitments: 'We listen\nWe learn', reflectionDay: '5' })).status).to.equal(303)
    const cohort = await Cohort.findById(fixture.cohortId).lean()
    expect([cohort?.compactTemplate, cohort?.reflectionDay]).to.deep.equal([['We listen', 'We learn'], 5])
  })
})
