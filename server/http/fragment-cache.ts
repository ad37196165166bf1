// A page's main content rendered once and kept while the data it was drawn from
// is the same count (the boards and the dashboard are counted at most once a
// minute: decision 014). Rendering thousands of cards or a 400 kB network
// drawing on every request kept the server busy; the layout around it (who is
// signed in, the CSRF token) is still rendered for each person.
//
// The content is kept as UTF-8 bytes and sent between the layout's two halves:
// turning the whole 400 kB page from a string into bytes for every request was
// a third of the network view's time.
import type { Application, Response } from 'express'
import { createKeptReads } from '../kept-reads'

export function createFragmentCache(options: { maxEntries: number }) {
  // One drawing per key for each count; the least recently shown key goes first, and a failed render is not kept.
  const kept = createKeptReads<Buffer>({ maxEntries: options.maxEntries })
  return {
    /** The view rendered with `locals()`, or the bytes kept for `key` when it was drawn from the same count (then `locals` is not called). */
    render(app: Application, view: string, key: string, countedAt: Date, locals: () => object): Promise<Buffer> {
      return kept.get(key, String(+countedAt), () => renderView(app, view, locals()).then(out => Buffer.from(out)))
    },
  }
}

const renderView = (app: Application, view: string, locals: object) =>
  new Promise<string>((resolve, reject) => app.render(view, locals, (error, out) => (error ? reject(error) : resolve(out))))

/** Stands where the kept content goes, for the layout to be cut there. */
const MAIN = '<!-- the kept content -->'

/** Sends `view` (which writes `<%- main %>` once) with the kept content as its main. */
export async function sendWithKept(res: Response, view: string, locals: object, main: Buffer) {
  // As res.render would: the response's locals, then the page's own.
  const page = await renderView(res.app, view, { ...res.locals, ...locals, main: MAIN })
  const at = page.indexOf(MAIN)
  if (at < 0) throw new Error(`${view} does not show its main content`)
  res.type('html').send(Buffer.concat([Buffer.from(page.slice(0, at)), main, Buffer.from(page.slice(at + MAIN.length))]))
}
