// How an Express app renders our EJS views: the app, the benchmark's bare page and
// the tests all render through these settings.
import ejs from 'ejs'
import type { Express } from 'express'
import { VIEWS_DIR } from '../paths'

/**
 * Includes name their file from the views folder (`include('/partials/x')`), and
 * `root` says where that is. EJS checks the disk on every render for an include
 * named relative to its file (existsSync, 5–8% of each page); one named from the
 * root it resolves without looking.
 */
export const EJS_OPTIONS = {
  root: VIEWS_DIR,
  // A relative include would still work, only slower: refused, so that none creeps back.
  includer(path: string, resolved: string): ejs.IncluderResult {
    if (!path.startsWith('/')) throw new Error(`include('${path}'): name the file from the views folder, as include('/partials/…')`)
    return { filename: resolved }
  },
}

export function setUpViews(app: Express) {
  app.set('views', VIEWS_DIR)
  app.set('view engine', 'ejs')
  // EJS 7 no longer reads Express's 'view options', so the engine passes them itself;
  // Express says whether to keep compiled templates ('view cache', on in production).
  app.engine('ejs', (file, data: { cache?: boolean }, callback) => {
    ejs.renderFile(file, data, { ...EJS_OPTIONS, cache: Boolean(data.cache) }, callback)
  })
}
