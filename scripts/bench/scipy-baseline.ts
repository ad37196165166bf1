// scipy's linear_sum_assignment (C++), the reference, in a virtual environment under
// .tools/bench-venv that this creates on first use (numpy and scipy from PyPI). The
// matrix goes through a binary file in a temporary folder; Python times only the solve.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decode, type BaselineMatrix } from './baseline-matrix'

const VENV = join(process.cwd(), '.tools', 'bench-venv')
const PYTHON = join(VENV, 'bin', 'python')
const SCRIPT = join(import.meta.dirname, 'scipy_lsa.py')

const run = (command: string, args: string[]) =>
  spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 })

/** The venv's Python with scipy, or why there is none. */
export function scipyPython(): { python: string } | { unavailable: string } {
  const check = () => run(PYTHON, ['-c', 'import scipy, numpy; print(scipy.__version__)'])
  if (existsSync(PYTHON) && check().status === 0) return { python: PYTHON }
  const system = ['python3', 'python'].find(p => run(p, ['--version']).status === 0)
  if (!system) return { unavailable: 'no python3 on PATH' }
  process.stderr.write(`Creating ${VENV} with numpy and scipy (first run only)…\n`)
  const venv = run(system, ['-m', 'venv', VENV])
  if (venv.status !== 0)
    return { unavailable: `python -m venv failed: ${venv.stderr.trim().split('\n').pop()}` }
  const pip = run(PYTHON, ['-m', 'pip', 'install', '--quiet', 'numpy', 'scipy'])
  if (pip.status !== 0) return { unavailable: `pip install failed: ${pip.stderr.trim().split('\n').pop()}` }
  return check().status === 0 ? { python: PYTHON } : { unavailable: 'scipy did not import after install' }
}

export function runScipy(python: string, matrix: BaselineMatrix, runs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'))
  try {
    const file = join(dir, 'matrix.bin')
    writeFileSync(file, new Uint8Array(matrix.value.buffer, matrix.value.byteOffset, matrix.value.byteLength))
    const out = run(python, [SCRIPT, file, String(matrix.rows), String(matrix.columns), String(runs)])
    if (out.status !== 0) throw new Error(`scipy run failed: ${out.stderr.trim().split('\n').pop()}`)
    const { ms, best } = JSON.parse(out.stdout) as { ms: number[]; best: number }
    return { ms: median(ms), ...decode(best, matrix.bonus) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
