// The calendar file tests again, each in a child process whose time zone is
// UTC or America/New_York. A date formatted in the server's own zone (the
// classic "an hour off after the clocks change" bug) passes on a London
// machine and fails in these.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect } from 'chai'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const SPECS = ['test/unit/calendar/invite-ics.test.ts', 'test/unit/calendar/feed-ics.test.ts']

type MochaJson = {
  stats: { tests: number; passes: number; failures: number }
  tests: { fullTitle: string }[]
  failures: { fullTitle: string; err: { message?: string } }[]
}

/** Runs the specs with mocha in a child process with this TZ; the JSON reporter's result. */
function runIn(zone: string): Promise<MochaJson> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        'node_modules/mocha/bin/mocha.js',
        '--no-config',
        '--no-package',
        '--reporter',
        'json',
        ...SPECS,
      ],
      { cwd: root, env: { ...process.env, TZ: zone }, maxBuffer: 10 * 1024 * 1024 },
      // Mocha exits non-zero when a test fails; the report is on stdout either way.
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout) as MochaJson)
        } catch {
          reject(new Error(`mocha under TZ=${zone} gave no report: ${error?.message ?? ''}\n${stderr}`))
        }
      },
    )
  })
}

describe('calendar files in processes in other time zones', function () {
  this.timeout(60_000)
  const zones = ['UTC', 'America/New_York']
  let runs: Promise<MochaJson>[]

  before(() => {
    runs = zones.map(runIn) // side by side
  })

  zones.forEach((zone, i) => {
    it(`passes every invite and feed test with TZ=${zone}`, async () => {
      const report = await runs[i]!
      expect(report.failures.map(f => `${f.fullTitle}: ${f.err.message}`)).to.deep.equal([])
      expect(report.stats.passes).to.be.greaterThan(20)
      expect(
        report.tests.every(t => t.fullTitle.includes(`time zone is ${zone}`)),
        'the child ran in that zone',
      ).to.equal(true)
    })
  })
})
