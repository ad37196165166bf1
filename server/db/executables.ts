// Finding the programs the embedded database needs (mongod, ferretdb, go, python3).
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import path from 'node:path'

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first `command` on the PATH that can be run, like `which`. */
export async function findOnPath(command: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue
    const candidate = path.join(dir, command)
    if (await isExecutable(candidate)) return candidate
  }
  return undefined
}
