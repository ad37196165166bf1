// Builds FerretDB v1 from the Go module proxy into .tools/bin, once.
//
// `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` is not enough:
// the module as published lacks build/version/version.txt, and a binary built
// from it panics at start ("Invalid build/version/version.txt"). So we build it
// the way its own release does: a throwaway module that requires FerretDB,
// replaced by a copy of the module source with version.txt written in.
// See docs/decisions/002-ferretdb-build.md.
import { execFile } from 'node:child_process'
import { chmod, cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB'
export const FERRETDB_VERSION = 'v1.24.2'

export async function buildFerretDB(targetBinary: string, say: (line: string) => void): Promise<void> {
  say(`Building FerretDB ${FERRETDB_VERSION} with Go (one-time, about a minute)...`)
  const work = await mkdtemp(path.join(tmpdir(), 'tandem-ferretdb-'))
  const go = (args: string[]) => run('go', args, { cwd: work, maxBuffer: 64 * 1024 * 1024 })
  try {
    await writeFile(
      path.join(work, 'go.mod'),
      `module tandem-ferretdb-build\n\ngo 1.22\n\nrequire ${FERRETDB_MODULE} ${FERRETDB_VERSION}\n`,
    )
    await writeFile(
      path.join(work, 'tools.go'),
      `//go:build tools\n\npackage tools\n\nimport _ "${FERRETDB_MODULE}/cmd/ferretdb"\n`,
    )
    const { stdout } = await go(['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`])
    const moduleDir = (JSON.parse(stdout) as { Dir: string }).Dir
    const source = path.join(work, 'src')
    await cp(moduleDir, source, { recursive: true })
    const versionDir = path.join(source, 'build', 'version')
    await chmod(versionDir, 0o755)
    await writeFile(path.join(versionDir, 'version.txt'), `${FERRETDB_VERSION}\n`)
    await go(['mod', 'edit', `-replace=${FERRETDB_MODULE}=./src`])
    await go(['mod', 'tidy'])
    await mkdir(path.dirname(targetBinary), { recursive: true })
    const partial = `${targetBinary}.partial-${process.pid}`
    await go(['build', '-o', partial, `${FERRETDB_MODULE}/cmd/ferretdb`])
    await rename(partial, targetBinary)
    say(`FerretDB built: ${targetBinary}`)
  } finally {
    // The copied module source is read-only; make it removable first.
    await run('chmod', ['-R', 'u+w', work]).catch(() => undefined)
    await rm(work, { recursive: true, force: true })
  }
}
