// /shadowing/:sessionId — one session, and what each person can do with it
// now: answer or withdraw a proposal, say whether it happened, write a
// reflection, download it to a calendar. Leads see the same page read-only.
// Moving and cancelling have their own pages (session-change.controller.ts).
import type { Request, Response } from 'express'
import { sessionDownloadIcs } from '../calendar/feed-ics'
import { ConflictError } from '../errors'
import { formErrors, noFormErrors, text, type FormErrors } from '../http/forms'
import { idParam } from '../http/id-param'
import type { Services } from '../services'
import type { PairReading, SessionView } from './session-access'
import { flagMessages, historyLines, lengthText, namer, statusTag, whenText } from './session-display'
import { checkAnswer, checkHappened, checkReason, readReflection, reflectionErrors, REFLECTION_QUESTIONS, type ReflectionValues } from './session.form'

type PageState = { values?: Record<string, string>; form?: FormErrors }

export function sessionPageController({ shadowing, clock, config }: Services) {
  /** What this reader may do with the session now. */
  function actionsFor(view: SessionView, readerId: string) {
    const { session } = view
    const now = +clock.now()
    // A session of a pair the lead has ended is shown, never changed.
    if (view.ended) return { respond: false, withdraw: false, change: false, outcome: false, reflect: false, download: false, expired: false }
    const partner = view.role !== 'lead'
    const started = +session.start <= now
    const proposed = session.status === 'proposed'
    return {
      respond: proposed && String(session.respondentId) === readerId && !started,
      withdraw: proposed && String(session.proposedBy) === readerId,
      change: partner && session.status === 'confirmed' && +session.end > now,
      outcome: session.status === 'confirmed' && started && String(session.hostId) === readerId,
      reflect: partner && ['confirmed', 'completed'].includes(session.status) && started,
      download: session.status === 'confirmed',
      expired: proposed && started,
    }
  }

  async function render(req: Request, res: Response, state: PageState = {}, status = 200, options: PairReading = {}) {
    const view = await shadowing.sessionFor(req.user!, req.params.sessionId, options)
    const readerId = req.user!.id
    const { session, host, guest } = view
    const names = namer(view, readerId)
    const reflections = await shadowing.reflections(view)
    const mine = reflections.find(r => String(r.userId) === readerId)
    const saved: ReflectionValues = { learned: mine?.learned ?? '', surprised: mine?.surprised ?? '', idea: mine?.idea ?? '' }
    // "Mina Shah, manager (you)"
    const described = (person: { id: string; name: string }) => `${person.name}, ${person.id === view.doctor.id ? 'doctor' : 'manager'}${person.id === readerId ? ' (you)' : ''}`
    res.status(status).render('pages/shadowing/session', {
      view,
      sessionId: String(session._id),
      pairId: String(view.pair._id),
      isPartner: view.role !== 'lead',
      can: actionsFor(view, readerId),
      tag: statusTag(session),
      rows: [
        { key: 'What', value: session.activity },
        { key: 'Host', value: described(host) },
        { key: 'Shadowing', value: described(guest) },
        { key: 'When', value: whenText(session) },
        { key: 'Length', value: lengthText(session) },
        { key: 'Where', value: session.location || 'Not given' },
      ],
      respondent: names.you(session.respondentId),
      proposer: names.you(session.proposedBy),
      hostName: names.you(session.hostId),
      flags: flagMessages(session, host, guest),
      // The flags belong to the last time chosen: the proposal's, or a move's.
      flagsBy: names.you(session.history.findLast(h => h.action === 'proposed' || h.action === 'rescheduled')?.by ?? session.proposedBy),
      history: historyLines(session, names),
      reflections: reflections.map(r => ({ by: names.you(r.userId), mine: String(r.userId) === readerId, answers: REFLECTION_QUESTIONS.map(q => ({ label: q.label, text: r[q.field] })).filter(a => a.text) })),
      questions: REFLECTION_QUESTIONS,
      values: { ...saved, reason: '', happened: '', ...state.values },
      ...(state.form ?? noFormErrors),
    })
  }

  const back = (res: Response, sessionId: string, fragment = '') => res.redirect(303, `/shadowing/${sessionId}${fragment}`)

  return {
    get: (req: Request, res: Response) => render(req, res, {}, 200, { orEnded: true }),

    async calendar(req: Request, res: Response) {
      const view = await shadowing.sessionFor(req.user!, req.params.sessionId)
      const { session, host, guest } = view
      if (session.status !== 'confirmed') throw new ConflictError('Only a confirmed session can be added to a calendar.')
      const ics = sessionDownloadIcs({
        session: { id: String(session._id), uid: session.uid, sequence: session.sequence, start: session.start, end: session.end, activity: session.activity, location: session.location, direction: session.direction },
        host,
        guest,
        baseUrl: config.baseUrl,
        // The last change, so that the same session always downloads as the same file.
        now: session.updatedAt ?? clock.now(),
      })
      res.set('Content-Type', 'text/calendar; charset=utf-8')
      res.set('Content-Disposition', 'attachment; filename="shadowing-session.ics"')
      res.send(ics)
    },

    async respond(req: Request, res: Response) {
      const answer = checkAnswer(req.body)
      const reason = checkReason(req.body, { required: false, what: 'declining' })
      if (!answer.ok || !reason.ok) {
        return render(req, res, { values: { reason: text(req.body, 'reason') }, form: formErrors([...(answer.ok ? [] : answer.errors), ...(reason.ok ? [] : reason.errors)]) }, 400)
      }
      const view = await shadowing.sessionFor(req.user!, req.params.sessionId)
      const proposer = String(view.session.proposedBy) === view.doctor.id ? view.doctor : view.manager
      await shadowing.respond(req.user!, String(view.session._id), answer.value, reason.value)
      req.session.flash = answer.value === 'accept' ? `Session confirmed: you and ${proposer.name} will both get a calendar invitation` : `Proposal declined: ${proposer.name} has been told`
      if (text(req.body, 'from') === 'pair') return res.redirect(303, `/pairs/${String(view.pair._id)}`)
      back(res, String(view.session._id))
    },

    async withdraw(req: Request, res: Response) {
      const view = await shadowing.sessionFor(req.user!, req.params.sessionId)
      await shadowing.cancel(req.user!, String(view.session._id), '', 'proposed')
      req.session.flash = 'Proposal withdrawn'
      back(res, String(view.session._id))
    },

    async outcome(req: Request, res: Response) {
      const happened = checkHappened(req.body)
      if (!happened.ok) return render(req, res, { form: formErrors(happened.errors) }, 400)
      await shadowing.recordOutcome(req.user!, req.params.sessionId, happened.value)
      req.session.flash = happened.value ? 'Thank you: the session is marked as happened' : 'The session is marked as not happened'
      back(res, idParam(req.params.sessionId))
    },

    async reflection(req: Request, res: Response) {
      const values = readReflection(req.body)
      const errors = reflectionErrors(values)
      if (errors.length) return render(req, res, { values: { ...values }, form: formErrors(errors) }, 400)
      await shadowing.reflect(req.user!, req.params.sessionId, values)
      req.session.flash = 'Your reflection has been saved'
      back(res, idParam(req.params.sessionId), '#reflections')
    },
  }
}
