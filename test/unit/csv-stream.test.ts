// The CSV writing every download shares: quoting, formulas kept from running,
// the BOM, waiting for a slow reader, and UK times across the clock changes.
import { PassThrough } from 'node:stream'
import { expect } from 'chai'
import { calendarDate, csvField, csvRow, csvWriter, fileSlug, inBatches, isoLondon, londonDate, londonTime, ReaderGoneError } from '../../server/http/csv-stream'
import { monthsFrom } from '../../server/exports/reflections.export'

describe('csv-stream', () => {
  it('quotes what needs quoting and keeps formulas from running', () => {
    expect(csvField('plain')).to.equal('plain')
    expect(csvField('Okafor, Dara')).to.equal('"Okafor, Dara"')
    expect(csvField('Jo "JJ" Ng')).to.equal('"Jo ""JJ"" Ng"')
    expect(csvField('two\nlines')).to.equal('"two\nlines"')
    expect(csvField('two\r\nlines')).to.equal('"two\r\nlines"')
    expect(csvField('=HYPERLINK("x")')).to.equal(`"'=HYPERLINK(""x"")"`)
    expect(csvField('+44 20')).to.equal("'+44 20")
    expect(csvField('-1')).to.equal("'-1")
    expect(csvField('@SUM(A1)')).to.equal("'@SUM(A1)")
    expect(csvField('\tcmd')).to.equal("'\tcmd")
    expect(csvField(null)).to.equal('')
    expect(csvField(undefined)).to.equal('')
    expect(csvField(3)).to.equal('3')
    // A number is a number: a negative measure value stays a number a spreadsheet can add up.
    expect(csvField(-2.5)).to.equal('-2.5')
    expect(csvField(Number.NaN)).to.equal('')
    expect(csvRow(['a', 'b, c', 1])).to.equal('a,"b, c",1\r\n')
  })

  it('writes the BOM before the header and waits for a slow reader to drain', async () => {
    const out = new PassThrough({ highWaterMark: 16 })
    const csv = csvWriter(out)
    const chunks: string[] = []
    const writing = (async () => {
      await csv.header(['Name', 'Site'])
      for (let i = 0; i < 50; i += 1) await csv.rows([[`Person ${i}`, 'St Thomas’ Hospital']])
      out.end()
    })()
    // Read only after the writer has had to wait: nothing is lost or reordered.
    await new Promise(resolve => setTimeout(resolve, 10))
    for await (const chunk of out) chunks.push(String(chunk))
    await writing
    const text = chunks.join('')
    expect(text.startsWith('\uFEFFName,Site\r\n')).to.equal(true)
    expect(text.split('\r\n').filter(Boolean)).to.have.length(51)
    expect(text.split('\r\n')[50]).to.equal('Person 49,St Thomas’ Hospital')
  })

  it('stops when the reader goes away, whether it was waiting to drain or not', async () => {
    const out = new PassThrough({ highWaterMark: 4 })
    const csv = csvWriter(out)
    const waiting = csv.header(['A long header that fills the buffer'])
    out.destroy()
    const error = await waiting.then(() => undefined, (e: unknown) => e)
    expect(error).to.be.instanceOf(ReaderGoneError)
    const again = await csv.rows([['x']]).then(() => undefined, (e: unknown) => e)
    expect(again).to.be.instanceOf(ReaderGoneError)
  })

  it('hands a cursor over in batches', async () => {
    async function* numbers() {
      for (let i = 1; i <= 7; i += 1) yield i
    }
    const batches: number[][] = []
    for await (const batch of inBatches(numbers(), 3)) batches.push(batch)
    expect(batches).to.deep.equal([[1, 2, 3], [4, 5, 6], [7]])
  })

  it('writes UK times with their offset on both sides of the clock changes', () => {
    // 29 March 2026: clocks go forward at 01:00 UTC. 25 October 2026: back at 01:00 UTC.
    const winter = new Date('2026-03-28T09:30:00Z')
    const summer = new Date('2026-03-30T08:30:00Z')
    expect(isoLondon(winter)).to.equal('2026-03-28T09:30:00+00:00')
    expect(isoLondon(summer)).to.equal('2026-03-30T09:30:00+01:00')
    expect([londonDate(summer), londonTime(summer)]).to.deep.equal(['2026-03-30', '09:30'])
    // 23:30 UTC on 31 May is already 1 June in London.
    expect(londonDate(new Date('2026-05-31T23:30:00Z'))).to.equal('2026-06-01')
    expect(londonTime(new Date('2026-10-26T09:30:00Z'))).to.equal('09:30')
    expect(calendarDate(new Date('2026-06-07T00:00:00Z'))).to.equal('2026-06-07')
    expect([isoLondon(null), londonDate(undefined), calendarDate(null)]).to.deep.equal(['', '', ''])
  })

  it('makes file names of plain letters', () => {
    expect(fileSlug('Surgery & Medicine, spring 2027', 'cohort')).to.equal('surgery-medicine-spring-2027')
    expect(fileSlug('Médecine d’urgence', 'cohort')).to.equal('medecine-durgence')
    expect(fileSlug('“”', 'cohort')).to.equal('cohort')
  })

  it('counts the months of reflection between two months, across a year end', () => {
    expect(monthsFrom('2026-11', '2027-02')).to.deep.equal(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(monthsFrom('2026-11', '2026-11')).to.deep.equal(['2026-11'])
    expect(monthsFrom('2026-12', '2026-11')).to.deep.equal([])
  })
})
