import { expect } from 'chai'
import { DataPoint } from '../../../models/data-point'
import { Measure } from '../../../models/measure'
import { PdsaCycle } from '../../../models/pdsa-cycle'
import { QiProject } from '../../../models/qi-project'
import { buildTestApp, START_TIME, type TestApp } from '../../support/test-app'
import { signInAs } from '../../support/users'
import { insertMeasure, insertProject, insertWeeklyPoints, PROJECT_STARTED, weekly } from './measures-fixtures'

// START_TIME is Monday 23 November 2026, 09:00 London: today is 23 November, 24 November is the future.

describe('measures and their data (routes)', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof insertProject>>
  let dara: Awaited<ReturnType<typeof signInAs>>

  beforeEach(async () => {
    t = await buildTestApp()
    f = await insertProject()
    dara = await signInAs(t, f.doctor)
  })

  const lastActivity = async () => (await QiProject.findById(f.project._id).lean())!.lastActivityAt

  describe('a measure', () => {
    it('refuses an empty form and a target that is not a number, keeping what was typed; then adds the measure and touches the project', async () => {
      const form = `${f.projectPath}/measures/new`
      const empty = await dara.submit(form, { name: '', type: '', definition: '', unit: '', direction: '', target: '' })
      expect(empty.status).to.equal(400)
      expect(empty.text).to.contain('There is a problem')
      for (const [field, message] of [
        ['name', 'Enter the name of the measure'],
        ['type', 'Select whether this is an outcome, process or balancing measure'],
        ['definition', 'Enter how the measure is defined: what is counted, and how'],
        ['direction', 'Select which direction is an improvement'],
      ]) {
        expect(empty.text).to.contain(`<a href="#${field}">${message}</a>`)
      }

      const typed = { name: 'Discharges before noon', type: 'outcome', definition: 'Share of discharges before 12 noon each week', unit: '%', direction: 'up', target: 'about 40' }
      const badTarget = await dara.submit(form, typed)
      expect(badTarget.status).to.equal(400)
      expect(badTarget.text).to.contain('The target must be a number, like 12 or 4.5').and.contain('value="Discharges before noon"').and.contain('value="about 40"')
      expect(await Measure.countDocuments()).to.equal(0)
      expect(+(await lastActivity())).to.equal(+PROJECT_STARTED)

      const added = await dara.submit(form, { ...typed, target: '40' })
      expect(added.status).to.equal(303)
      const measure = await Measure.findOne().lean()
      expect(measure).to.include({ name: 'Discharges before noon', type: 'outcome', unit: '%', direction: 'up', target: 40 })
      expect(added.headers.location).to.equal(`/measures/${measure!._id}`)
      expect(+(await lastActivity())).to.equal(+START_TIME)
      const page = await dara.get(added.headers.location!)
      expect(page.text).to.contain('Measure “Discharges before noon” added').and.contain('No data yet.')
    })

    it('changes a measure, and deletes it with its data and its links from cycles after a confirmation page', async () => {
      const { measure, measurePath } = await insertMeasure(f.project._id, f.doctor._id)
      await insertWeeklyPoints(measure, [5, 6, 7])
      await PdsaCycle.create({ projectId: f.project._id, number: 1, objective: 'o', changeIdea: 'c', who: 'w', where: 'x', plannedFor: weekly(1), prediction: 'p', measureIds: [measure._id], createdBy: f.doctor._id })

      const edited = await dara.submit(`${measurePath}/edit`, { name: 'Length of stay (days)', type: 'outcome', definition: 'Mean length of stay', unit: 'days', direction: 'down', target: '' })
      expect(edited.status).to.equal(303)
      expect(await Measure.findById(measure._id).lean()).to.include({ name: 'Length of stay (days)', target: null })

      const confirm = await dara.get(`${measurePath}/delete`)
      expect(confirm.text).to.contain('Delete “Length of stay (days)”?').and.contain('its 3 data points will be deleted')
      expect(await Measure.countDocuments(), 'looking is not deleting').to.equal(1)
      const deleted = await dara.submit(`${measurePath}/delete`, {})
      expect(deleted.status).to.equal(303)
      expect(deleted.headers.location).to.equal(f.projectPath)
      expect(await Measure.countDocuments()).to.equal(0)
      expect(await DataPoint.countDocuments()).to.equal(0)
      expect((await PdsaCycle.findOne().lean())!.measureIds).to.deep.equal([])
    })
  })

  describe('adding data one value at a time', () => {
    it('refuses an empty form, a value that is not a number and a date in the future, keeping what was typed', async () => {
      const { measurePath } = await insertMeasure(f.project._id, f.doctor._id)
      const form = `${measurePath}/points/new`
      const empty = await dara.submit(form, { 'date-day': '', 'date-month': '', 'date-year': '', value: '', note: '' })
      expect(empty.status).to.equal(400)
      expect(empty.text).to.contain('<a href="#date-day">Enter the date</a>').and.contain('<a href="#value">Enter the value</a>')

      const wrong = await dara.submit(form, { 'date-day': '24', 'date-month': '11', 'date-year': '2026', value: 'twelve', note: 'Bank holiday' })
      expect(wrong.status).to.equal(400)
      expect(wrong.text).to.contain('The date must be today or in the past').and.contain('The value must be a number, like 12 or 4.5')
      expect(wrong.text).to.contain('value="24"').and.contain('value="twelve"').and.contain('Bank holiday')
      const percent = await dara.submit(form, { 'date-day': '23', 'date-month': '11', 'date-year': '2026', value: '45%', note: '' })
      expect(percent.text).to.contain('The value must be a number without the % sign, like 45 for 45%')
      const unreal = await dara.submit(form, { 'date-day': '31', 'date-month': '2', 'date-year': '2026', value: '4', note: '' })
      expect(unreal.text).to.contain('The date must be a real date')
      expect(await DataPoint.countDocuments()).to.equal(0)
    })

    it('adds a value for today, refuses a second value for the same date with a link to change the first, and changes and deletes a value', async () => {
      const { measurePath } = await insertMeasure(f.project._id, f.doctor._id)
      const form = `${measurePath}/points/new`
      const today = { 'date-day': '23', 'date-month': '11', 'date-year': '2026', value: '4.5', note: 'Short week' }
      const added = await dara.submit(form, { ...today, another: 'yes' })
      expect(added.status).to.equal(303)
      expect(added.headers.location, 'add another').to.equal(form)
      const point = await DataPoint.findOne().lean()
      expect(point).to.include({ value: 4.5, note: 'Short week' })
      expect(point!.date.toISOString()).to.equal('2026-11-23T00:00:00.000Z')

      const again = await dara.submit(form, { ...today, value: '6' })
      expect(again.status).to.equal(400)
      expect(again.text).to.contain('There is already a value for 23 November 2026: change that one instead').and.contain(`href="${measurePath}/points/${point!._id}/edit"`)
      expect(await DataPoint.countDocuments()).to.equal(1)

      const pointPath = `${measurePath}/points/${point!._id}`
      const changed = await dara.submit(`${pointPath}/edit`, { ...today, 'date-day': '20', value: '5' })
      expect(changed.status).to.equal(303)
      expect(await DataPoint.findById(point!._id).lean()).to.include({ value: 5 })
      const confirm = await dara.get(`${pointPath}/delete`)
      expect(confirm.text).to.contain('Delete the value for 20 November 2026?')
      expect((await dara.submit(`${pointPath}/delete`, {})).status).to.equal(303)
      expect(await DataPoint.countDocuments()).to.equal(0)
    })
  })

  describe('pasting data', () => {
    it('saves nothing when a line is wrong, names each wrong line and keeps the paste; then saves a good paste whole', async () => {
      const { measure, measurePath } = await insertMeasure(f.project._id, f.doctor._id)
      await insertWeeklyPoints(measure, [9]) // 7 September 2026
      const form = `${measurePath}/points/paste`
      const pasted = ['Date,Value', '01/09/2026,12', '02/09/2026,abc', '2026-09-03,7', '24/11/2026,5', '01/09/2026,6', '07/09/2026,8'].join('\n')
      const refused = await dara.submit(form, { points: pasted })
      expect(refused.status).to.equal(400)
      for (const message of [
        'Line 3: “abc” is not a number',
        'Line 5: 24 November 2026 is in the future',
        'Line 6: 1 September 2026 is also on line 2',
        'Line 7: there is already a value for 7 September 2026; change or delete that one first',
      ]) {
        expect(refused.text).to.contain(`<a href="#points">${message}</a>`)
      }
      expect(refused.text).to.contain('Correct the 4 lines listed above: nothing has been saved yet')
      expect(refused.text).to.contain('01/09/2026,12\n02/09/2026,abc')
      expect(await DataPoint.countDocuments(), 'only the point that was there').to.equal(1)

      const empty = await dara.submit(form, { points: '' })
      expect(empty.status).to.equal(400)
      expect(empty.text).to.contain('Paste the dates and values, one date and value a line')

      const good = await dara.submit(form, { points: 'Date\tValue\n01/09/2026\t12\n2026-09-02\t7.5\n\n3/9/2026 8\n' })
      expect(good.status).to.equal(303)
      expect((await dara.get(good.headers.location!)).text).to.contain('3 points added (the first line was read as column headings and left out)')
      const values = (await DataPoint.find().sort({ date: 1 }).lean()).map(p => [p.date.toISOString().slice(0, 10), p.value])
      expect(values).to.deep.equal([
        ['2026-09-01', 12],
        ['2026-09-02', 7.5],
        ['2026-09-03', 8],
        ['2026-09-07', 9],
      ])
      expect(+(await lastActivity())).to.equal(+START_TIME)
    })
  })

  describe('the charts', () => {
    // Hand-worked: mean 132/10 = 13.2; moving ranges 2,1,2,1,1,1,2,1,19 → 30/9; 2.66 × 30/9 = 8.8667, so
    // limits 4.33 and 22.07. 30 is beyond the upper limit; the nine before it are below the mean: a run of 9.
    // Lower is better, so the run is improvement and the 30 a concern. Median of the run chart 11.5 (11 and 12),
    // no shift or trend, and 30 is an astronomical point.
    const VALUES = [10, 12, 11, 13, 12, 11, 10, 12, 11, 30]

    it('draws the run chart and XmR chart of a pasted data set with the expected points, limits and signals, and the icons in words', async () => {
      const { measure, measurePath } = await insertMeasure(f.project._id, f.doctor._id, { target: 15 })
      const paste = VALUES.map((v, i) => `${weekly(i).toISOString().slice(0, 10)}\t${v}`).join('\n')
      expect((await dara.submit(`${measurePath}/points/paste`, { points: paste })).status).to.equal(303)
      const page = (await dara.get(measurePath)).text
      const id = String(measure._id)
      const svgOf = (chartId: string) => page.slice(page.indexOf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 320" role="img" aria-labelledby="${chartId}-title`), page.indexOf('</svg>', page.indexOf(`id="${chartId}-title"`)))
      const run = svgOf(`run-${id}`)
      const xmrSvg = svgOf(`xmr-${id}`)

      expect(run.match(/<circle class="point/g)).to.have.length(10)
      expect(run).to.contain(`<desc id="run-${id}-desc">10 points, median 11.5. Signals: 1 astronomical point.</desc>`)
      expect(run.match(/class="point signal astronomical"/g)).to.have.length(1)
      expect(run).to.contain('9 November 2026: 30, astronomical</title>')

      expect(xmrSvg.match(/class="point /g)).to.have.length(10)
      expect(xmrSvg).to.contain(`<title id="xmr-${id}-title">Length of stay (days): XmR chart</title>`)
      expect(xmrSvg).to.contain('Mean 13.2, process limits 4.33 to 22.07. Target 15. 10 show special-cause variation (1 beyond a limit; 9 in a run of 7 or more on one side of the mean).')
      expect(xmrSvg.match(/class="upper-limit"/g)).to.have.length(1)
      expect(xmrSvg).to.contain('>22.07</text>').and.contain('>4.33</text>').and.contain('>13.2</text>')
      expect(xmrSvg.match(/class="point improvement"/g)).to.have.length(9)
      expect(xmrSvg.match(/<rect class="point concern"/g)).to.have.length(1)

      expect(page).to.contain('Beyond the upper limit: 30 on 9 November 2026 (concern)')
      expect(page).to.contain('9 points in a row below the mean, 7 September 2026 to 2 November 2026 (improvement)')
      expect(page).to.contain('Astronomical point: 30 on 9 November 2026')
      expect(page).to.contain('<strong>Special cause concern.</strong> The latest point is unusually high, and lower is better.')
      expect(page).to.contain('<strong>Hit and miss.</strong>')
      expect(page).to.contain('<caption class="nhsuk-table__caption nhsuk-table__caption--s">XmR chart data</caption>')
      expect(page).to.contain('The latest limits come from 10 points; treat them as provisional until there are 12.')
    })

    it('recalculates the limits from a chosen point and takes that away again; freezes the baseline; refuses a bad number', async () => {
      const { measure, measurePath } = await insertMeasure(f.project._id, f.doctor._id, { direction: 'up' })
      await insertWeeklyPoints(measure, [5, 6, 5, 6, 5, 6, 20, 21, 20, 21, 20, 21])
      const limits = `${measurePath}/limits`
      const before = (await dara.get(measurePath)).text
      expect(before.match(/class="mean"/g)).to.have.length(1)

      const noChoice = await dara.submit(limits, { from: '' }, `${measurePath}/rebase`)
      expect(noChoice.status).to.equal(400)
      expect(noChoice.text).to.contain('Select the point from which to recalculate the limits')
      const rebased = await dara.submit(limits, { from: weekly(6).toISOString().slice(0, 10) }, `${measurePath}/rebase`)
      expect(rebased.status).to.equal(303)
      const after = (await dara.get(measurePath)).text
      // Period means 5.5 and 20.5; each with limits ± 2.66.
      expect(after.match(/class="mean"/g)).to.have.length(2)
      expect(after.match(/class="median"/g)).to.have.length(2)
      expect(after).to.contain('mean 5.5, process limits 2.84 to 8.16').and.contain('mean 20.5, process limits 17.84 to 23.16')
      expect(after).to.contain('Only common-cause variation.')
      expect((await dara.get(limits)).text).to.contain('Remove<span class="nhsuk-u-visually-hidden"> the recalculation from 19 October 2026')

      expect((await dara.submit(limits, { date: weekly(6).toISOString().slice(0, 10) }, `${measurePath}/rebase/remove`)).status).to.equal(303)
      expect((await Measure.findById(measure._id).lean())!.rebaseDates).to.deep.equal([])

      const tooFew = await dara.submit(limits, { baselinePoints: '1' }, `${measurePath}/baseline`)
      expect(tooFew.status).to.equal(400)
      expect(tooFew.text).to.contain('The number of points must be a whole number from 2 to 1000, or leave it empty').and.contain('value="1"')
      expect((await dara.submit(limits, { baselinePoints: '6' }, `${measurePath}/baseline`)).status).to.equal(303)
      // Frozen on 5,6,5,6,5,6: mean 5.5, limits 2.84 to 8.16; the six 20s and 21s are beyond the upper limit, and
      // with the 6 before them make 7 in a row above the mean: 7 points of improvement.
      const frozen = (await dara.get(measurePath)).text
      expect(frozen).to.contain('mean 5.5, process limits 2.84 to 8.16, frozen after the first 6 points')
      expect(frozen.match(/class="point improvement"/g)).to.have.length(7)
      expect(frozen).to.contain('<strong>Special cause improvement.</strong>')
      expect((await dara.submit(limits, { baselinePoints: '' }, `${measurePath}/baseline`)).status).to.equal(303)
      expect((await Measure.findById(measure._id).lean())!.baselinePoints).to.equal(null)
    })
  })
})
