import { expect } from 'chai'
import { Types } from 'mongoose'
import { WorkshopRegistration } from '../../../models/workshop-registration'
import { insertCohort } from '../../support/cohorts'
import { buildTestApp, type TestApp } from '../../support/test-app'
import { signedIn } from '../../support/users'
import { insertCrowd, insertWorkshop } from '../../support/workshops'
import { insertNetworkCohort } from '../../support/boards'

describe('network view (routes)', () => {
  let t: TestApp
  let fixture: Awaited<ReturnType<typeof insertNetworkCohort>>
  let path: string

  beforeEach(async () => {
    t = await buildTestApp()
    fixture = await insertNetworkCohort()
    path = `/cohorts/${fixture.cohort._id}/network`
  })

  it('draws the hand-checked cohort and gives its figures and every link in a table', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const page = (await lead.get(path)).text
    // Density 6 of 21, one pair of three shadowing both ways, Dee, Eve, Fay and Gus linked to no one beyond a partner.
    expect(page)
      .to.match(/>29%<\/dd>\s*<dd class="nhsuk-body-s">6 links between two people, of 21 possible links among 7 people</)
      .and.match(/>33%<\/dd>\s*<dd class="nhsuk-body-s">1 of 3 pairs have completed shadowing in both directions</)
      .and.match(/>4<\/dd>\s*<dd class="nhsuk-body-s">people linked to nobody but their partner, or to nobody at all</)
      .and.contain('<li>Dee (manager)</li><li>Eve (manager)</li><li>Fay (doctor)</li><li>Gus (manager)</li>')
    expect(page).to.match(/<svg [^>]*role="img" aria-labelledby="network-title network-desc"/)
    expect(page).to.contain('<title id="network-title">Network of Network cohort</title>')
    expect(page).to.contain('7 people: 4 doctors drawn as blue circles and 3 managers as pink squares')
    expect(page).to.contain('4 shadowing links (5 completed sessions)')
    expect(page).to.contain('Doctor: blue circle').and.contain('Manager: pink square')
    const table = page.slice(page.indexOf('<table'), page.indexOf('</table>'))
    expect(table.match(/<tr class="nhsuk-table__row">/g)).to.have.length(11)
    expect(table).to.match(/>Ada \(doctor\)<\/td><td[^>]*>Shadowed<\/td><td[^>]*>Dee \(manager\)<\/td><td[^>]*>2 sessions</)
    expect(table).to.match(/>Eve \(manager\)<\/td><td[^>]*>Shadowed<\/td><td[^>]*>Cal \(doctor\)<\/td><td[^>]*>1 session</)
    expect(table).to.not.contain('Gus')
    expect(page).to.not.contain('nhsuk-pagination')
  })

  it('pages the table 50 links at a time', async () => {
    // 11 more at one workshop with Fay: 12 people, 66 links, 76 in all.
    const crowd = await insertCrowd(fixture.cohort._id, 11)
    const workshop = await insertWorkshop(fixture.cohort._id)
    await WorkshopRegistration.insertMany(
      [...crowd, fixture.fay].map(p => ({ workshopId: workshop._id, cohortId: fixture.cohort._id, userId: p._id, arrival: new Types.ObjectId(), status: 'confirmed', uid: `w-${String(p._id)}@tandem.test`, attendance: 'attended' })),
    )
    const { browser: sponsor } = await signedIn(t, ['sponsor'])
    const first = (await sponsor.get(path)).text
    expect(first).to.contain('76 links, 1 to 50 shown.').and.contain(`href="${path}?page=2#links"`)
    expect(first.match(/<tr class="nhsuk-table__row">/g)).to.have.length(51)
    const second = (await sponsor.get(`${path}?page=2`)).text
    expect(second).to.contain('76 links, 51 to 76 shown.').and.contain('Links between people, page 2 of 2').and.contain(`href="${path}?page=1#links"`)
    expect(second.match(/<tr class="nhsuk-table__row">/g)).to.have.length(27)
    expect((await sponsor.get(`${path}?page=9`)).text).to.contain('51 to 76 shown')
    expect((await sponsor.get(`${path}?page[$gt]=1`)).text).to.contain('1 to 50 shown')
  })

  it('says so when a cohort has nobody linked yet', async () => {
    const { browser: lead } = await signedIn(t, ['lead'])
    const empty = await insertCohort({ name: 'Empty cohort' })
    const page = (await lead.get(`/cohorts/${empty._id}/network`)).text
    expect(page).to.contain('No links yet').and.contain('<dd class="nhsuk-body-s">No pairs yet</dd>').and.contain('0 links between two people, of 0 possible links among 0 people')
  })
})
