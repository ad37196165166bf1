// A page's main content rendered once and kept while the data it was drawn from
// is the same count (the boards and the dashboard are counted at most once a
// minute: decision 014). Rendering thousands of cards or a 400 kB network
// drawing on every request kept the server busy; the layout around it (who is
// signed in, the CSRF token) is still rendered for each person.
import type { Application } from 'express'

export function createFragmentCache(options: { maxEntries: number }) {
  const entries = new Map<string, { countedAt: number; html: Promise<string> }>()
  return {
    /** The view rendered with `locals()`, or the HTML kept for `key` when it was drawn from the same count (then `locals` is not called). */
    render(app: Application, view: string, key: string, countedAt: Date, locals: () => object): Promise<string> {
      const kept = entries.get(key)
      if (kept && kept.countedAt === +countedAt) return kept.html
      const html = new Promise<string>((resolve, reject) => app.render(view, locals(), (error, out) => (error ? reject(error) : resolve(out))))
      // The oldest goes when there are too many: Maps keep insertion order.
      if (!kept && entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!)
      entries.set(key, { countedAt: +countedAt, html })
      // A failed render is not kept: the next request tries again.
      html.catch(() => entries.get(key)?.html === html && entries.delete(key))
      return html
    },
  }
}
