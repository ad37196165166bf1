// Emails are written as plain text; the HTML part says the same thing, with
// paragraphs and clickable links.
import { escapeHtml } from '../escape-html'

export type Email = { subject: string; text: string; html: string }


/** Paragraphs from blank-line-separated text, with bare links made clickable. */
export function textToHtml(text: string): string {
  return text
    .split('\n\n')
    .map(paragraph => {
      const escaped = escapeHtml(paragraph).replace(/\n/g, '<br>')
      return `<p>${escaped.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`
    })
    .join('\n')
}

export function emailFromText(subject: string, text: string): Email {
  return { subject, text, html: textToHtml(text) }
}
