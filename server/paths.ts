import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url))
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views')
