// What a person sees when a link from an email cannot be used.
import type { Response } from 'express'
import { InvalidTokenError } from './account-tokens'

export function renderInvalidLink(res: Response, error: InvalidTokenError, kind: 'invitation' | 'password-reset') {
  res.status(error.problem === 'unknown' ? 404 : 410).render('pages/accounts/link-problem', { problem: error.problem, kind })
}

/** Runs `action`; an unusable link becomes the explanation page instead of an error. */
export async function withLink(res: Response, kind: 'invitation' | 'password-reset', action: () => Promise<void>) {
  try {
    await action()
  } catch (error) {
    if (error instanceof InvalidTokenError) return renderInvalidLink(res, error, kind)
    throw error
  }
}
