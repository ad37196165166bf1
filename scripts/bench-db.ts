// npm run bench:db [-- --documents 2000 --seconds 3]
//
// Lookups by _id on the embedded FerretDB engine, as FerretDB builds its tables
// (the baseline) and with the lookup index Tandem adds (server/db/ferretdb-id-index.ts),
// in the same run on the same data: one lookup at a time and 50 at once.
// A benchmark, not a test: nothing here fails on time.
import mongoose from 'mongoose'
import { parseArgs } from 'node:util'
import { startTestDatabase, stopTestDatabase } from '../test/support/database'

const { values } = parseArgs({ options: { documents: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '3' } } })
const documents = Number(values.documents)
const seconds = Number(values.seconds)

async function lookupsPerSecond(collection: mongoose.mongo.Collection, ids: mongoose.Types.ObjectId[], atOnce: number): Promise<number> {
  let done = 0
  const end = Date.now() + seconds * 1000
  const lookUp = async () => {
    while (Date.now() < end) {
      if (!(await collection.findOne({ _id: ids[Math.floor(Math.random() * ids.length)] }))) throw new Error('A document went missing')
      done += 1
    }
  }
  await Promise.all(Array.from({ length: atOnce }, lookUp))
  return done / seconds
}

async function main() {
  const database = await startTestDatabase()
  try {
    if (database.engine !== 'ferretdb') {
      console.log(`The embedded engine here is ${database.engine}, not FerretDB: there is nothing to compare.`)
      return
    }
    // A collection made after start-up, so that it has only FerretDB's own index at first.
    const collection = mongoose.connection.db!.collection('bench_lookups')
    const rows = Array.from({ length: documents }, (_, n) => ({ _id: new mongoose.Types.ObjectId(), name: `Person ${n}`, email: `person${n}@bench.example.nhs.uk`, n }))
    await collection.insertMany(rows)
    const ids = rows.map(r => r._id)
    const measured: Record<string, number[]> = {}
    for (const [name, prepare] of [
      ['FerretDB as built (baseline)', async () => undefined],
      ['with the lookup index', () => database.prepareCollections()],
    ] as const) {
      await prepare()
      measured[name] = [await lookupsPerSecond(collection, ids, 1), await lookupsPerSecond(collection, ids, 50)]
    }
    console.log(`Lookups by _id among ${documents.toLocaleString('en-GB')} documents, ${seconds} s each:\n`)
    console.log(`${''.padEnd(30)}${'one at a time'.padStart(16)}${'50 at once'.padStart(14)}`)
    for (const [name, [one, fifty]] of Object.entries(measured)) console.log(`${name.padEnd(30)}${`${Math.round(one!)}/s`.padStart(16)}${`${Math.round(fifty!)}/s`.padStart(14)}`)
    const [base, indexed] = Object.values(measured) as [number[], number[]]
    console.log(`\nWith the index: ${(indexed[0]! / base[0]!).toFixed(1)}× one at a time, ${(indexed[1]! / base[1]!).toFixed(1)}× at 50 at once`)
  } finally {
    await stopTestDatabase()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
