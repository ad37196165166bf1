// A pair measures its project: adds an outcome measure (a mistake first),
// pastes 24 weekly values (a bad line first, corrected in place), reads the
// shift and the Making Data Count icon, plans a PDSA cycle linked to the
// measure and finds it marked on the charts. Axe on each page.
import { expect } from 'chai'
import { DateTime } from 'luxon'
import type { Page } from 'playwright-core'
import { insertProject } from '../integration/projects/measures-fixtures'
import { expectAccessible, openPageEachTest, signIn } from './support/browser'
import { e2e } from './support/hooks'

// Discharges before noon, %: a steady baseline, then better after the change.
const BEFORE = [12, 15, 11, 14, 13, 16, 12, 14, 15, 13, 12, 14]
const AFTER = [22, 25, 24, 27, 23, 26, 28, 25, 27, 29, 26, 28]

/** Weekly dates ending last week, day first as people type them. */
function weeklyLines(values: number[]) {
  const lastWeek = DateTime.now().setZone('Europe/London').startOf('day').minus({ weeks: 1 })
  const dates = values.map((_, i) => lastWeek.minus({ weeks: values.length - 1 - i }))
  return { dates, lines: values.map((value, i) => `${dates[i]!.toFormat('dd/MM/yyyy')}\t${value}`) }
}

describe('Measures, charts and PDSA cycles in a browser', () => {
  let page: Page
  openPageEachTest(p => (page = p))

  it('adds a measure, pastes 24 values, shows the shift and icon, and marks a PDSA cycle on the charts', async () => {
    const { doctor, projectPath } = await insertProject()
    await signIn(page, doctor.email)
    await page.goto(`${e2e.baseUrl}${projectPath}`)
    await page.getByRole('link', { name: 'Add a measure' }).click()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Add measure' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    await page.getByLabel('Name').fill('Discharges before noon')
    await page.getByLabel('Outcome').check()
    await page.getByLabel('Definition').fill('Share of discharges from Ward 7 each week that leave before 12 noon')
    await page.getByLabel('Unit (optional)').fill('%')
    await page.getByLabel('Higher is better').check()
    await page.getByLabel('Target (optional)').fill('30')
    await page.getByRole('button', { name: 'Add measure' }).click()
    await page.getByText('Measure “Discharges before noon” added').waitFor()
    await expectAccessible(page)

    const { dates, lines } = weeklyLines([...BEFORE, ...AFTER])
    await page.getByRole('link', { name: 'Paste many values' }).click()
    await expectAccessible(page)
    const withMistake = [...lines.slice(0, 5), `${dates[5]!.toFormat('dd/MM/yyyy')}\tsixteen`, ...lines.slice(6)]
    await page.getByLabel('Dates and values').fill(['Week,Discharges before noon', ...withMistake].join('\n'))
    await page.getByRole('button', { name: 'Add values' }).click()
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor()
    await expectAccessible(page)
    // Nothing saved, and what was pasted is kept for correcting.
    expect(await page.getByLabel('Dates and values').inputValue()).to.contain('sixteen')
    await page.getByLabel('Dates and values').fill(['Week,Discharges before noon', ...lines].join('\n'))
    await page.getByRole('button', { name: 'Add values' }).click()
    await page.getByText('24 points added (the first line was read as column headings and left out)').waitFor()
    await expectAccessible(page)

    await page.getByRole('heading', { name: 'Special cause improvement' }).or(page.getByText('Special cause improvement.')).first().waitFor()
    const runSignals = await page.locator('#run-chart + .nhsuk-grid-row ul.nhsuk-list--bullet').innerText()
    expect(runSignals).to.contain('Shift: 12 points above the median')
    const xmrTable = page.getByRole('table', { name: 'XmR chart data' })
    expect(await xmrTable.locator('tbody tr').count()).to.equal(24)

    await page.goto(`${e2e.baseUrl}${projectPath}`)
    await page.getByRole('link', { name: 'Plan a PDSA cycle' }).click()
    await expectAccessible(page)
    await page.getByLabel('Objective').fill('See whether a board round before 10:00 gets patients home before noon')
    await page.getByLabel('Change idea').fill('Consultant-led board round at 09:00 with the discharge coordinator')
    await page.getByLabel('Who will carry it out?').fill('Dr Dara Okafor and the Ward 7 team')
    await page.getByLabel('Where?').fill('Ward 7')
    const start = dates[BEFORE.length]!
    await page.getByLabel('Day').fill(String(start.day))
    await page.getByLabel('Month').fill(String(start.month))
    await page.getByLabel('Year').fill(String(start.year))
    await page.getByLabel('Prediction').fill('A third of discharges before noon within a month')
    await page.getByLabel('Discharges before noon').check()
    await page.getByRole('button', { name: 'Save plan' }).click()
    await page.getByText('PDSA cycle planned').waitFor()
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Discharges before noon' }).first().click()
    await page.getByRole('heading', { name: 'XmR chart' }).waitFor()
    await expectAccessible(page)
    // The dashed mark and its label on both charts, and in each chart's description.
    expect(await page.locator('svg g.annotation', { hasText: 'PDSA 1' }).count()).to.equal(2)
    expect(await page.locator('svg desc', { hasText: 'Marked: PDSA 1' }).count()).to.equal(2)
  })
})
