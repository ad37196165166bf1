// /shadowing/respond/:token — the link in a proposal email: the partner who
// was asked accepts or declines without signing in. Looking never changes
// anything (mail scanners follow links); only the form's POST answers, once.
import type { Request, Response } from 'express'
import { NotFoundError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import type { Services } from '../services'
import type { SessionView } from './session-access'
import { lengthText, whenText } from './session-display'
import { checkAnswer, checkReason } from './session.form'

declare module 'express-session' {
  interface SessionData {
    /** What the last answer by link was, for the page after it (the link itself no longer works). */
    linkAnswer?: { answer: 'accept' | 'decline'; proposer: string; activity: string; when: string }
  }
}

const proposerOf = (view: SessionView) => (String(view.session.proposedBy) === view.doctor.id ? view.doctor : view.manager)

export function respondLinkController({ shadowing }: Services) {
  /** Runs `action`; a link that does not work (used, changed, unknown) becomes the explanation page. */
  async function withLink(res: Response, action: () => Promise<void>) {
    try {
      await action()
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error
      res.status(404).render('pages/shadowing/link-problem')
    }
  }

  function render(res: Response, view: SessionView, values: { reason: string }, form: FormErrors = noFormErrors, status = 200) {
    const { session, host, guest } = view
    const you = String(session.respondentId)
    res.status(status).render('pages/shadowing/respond-link', {
      proposer: proposerOf(view),
      rows: [
        { key: 'What', value: session.activity },
        { key: 'Who shadows whom', value: guest.id === you ? `You shadow ${host.name}` : `${guest.name} shadows you` },
        { key: 'When', value: whenText(session) },
        { key: 'Length', value: lengthText(session) },
        { key: 'Where', value: session.location || 'Not given' },
      ],
      values,
      ...form,
    })
  }

  return {
    async get(req: Request, res: Response) {
      await withLink(res, async () => render(res, await shadowing.forLink(req.params.token), { reason: '' }))
    },

    async post(req: Request, res: Response) {
      await withLink(res, async () => {
        const answer = checkAnswer(req.body)
        const reason = checkReason(req.body, { required: false, what: 'declining' })
        if (!answer.ok || !reason.ok) {
          const view = await shadowing.forLink(req.params.token)
          return render(res, view, { reason: text(req.body, 'reason') }, formErrors([...(answer.ok ? [] : answer.errors), ...(reason.ok ? [] : reason.errors)]), 400)
        }
        const view = await shadowing.respondByLink(req.params.token, answer.value, reason.value)
        req.session.linkAnswer = { answer: answer.value, proposer: proposerOf(view).name, activity: view.session.activity, when: whenText(view.session) }
        res.redirect(303, '/shadowing/respond/done')
      })
    },

    done(req: Request, res: Response) {
      const answered = req.session.linkAnswer
      if (!answered) return res.redirect(303, '/')
      res.render('pages/shadowing/respond-done', { answered })
    },
  }
}
