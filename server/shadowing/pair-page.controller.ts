// /pairs/:pairId — a pair's shadowing at a glance, for its two partners and
// for leads: the balance against the cohort's targets, what is coming up,
// what is waiting for an answer, and what has happened. A pair the lead ended
// shows what happened, read-only.
import type { Request, Response } from 'express'
import type { Services } from '../services'
import { sidesOf } from './session-access'
import { lengthText, namer, statusTag, whenText, whoShadows } from './session-display'

export function pairPageController({ shadowing, projects, clock }: Services) {
  return {
    async get(req: Request, res: Response) {
      // A pair the lead has ended stays readable: what the partners did together is theirs.
      const view = await shadowing.pairFor(req.user!, req.params.pairId, { orEnded: true })
      const { sessions, balance } = await shadowing.forPair(view)
      const now = +clock.now()
      const names = namer(view, req.user!.id)
      const describe = (s: (typeof sessions)[number]) => ({
        id: String(s._id),
        activity: s.activity,
        location: s.location,
        when: whenText(s),
        length: lengthText(s),
        who: whoShadows(s, names),
        tag: statusTag(s),
      })
      // forPair lists newest first; what is ahead reads best soonest first.
      const soonestFirst = [...sessions].reverse()
      const upcoming = soonestFirst.filter(s => s.status === 'confirmed' && +s.start > now).map(describe)
      const awaiting = soonestFirst
        .filter(s => s.status === 'proposed' && +s.start > now)
        .map(s => ({ ...describe(s), respondent: names.you(s.respondentId), mine: String(s.respondentId) === req.user!.id, proposer: names.you(s.proposedBy) }))
      const pastSessions = sessions.filter(s => ['completed', 'did-not-happen'].includes(s.status) || (s.status === 'confirmed' && +s.start <= now))
      const reflections = await Promise.all(pastSessions.map(session => shadowing.reflections({ ...view, session, ...sidesOf(view, session.direction) })))
      const past = pastSessions.map((s, i) => ({
        ...describe(s),
        outcome: s.status === 'confirmed' ? `Waiting for ${names.you(s.hostId)} to say whether it happened` : s.status === 'completed' ? 'Happened' : 'Did not happen',
        reflections: reflections[i]!.length ? `Written by ${reflections[i]!.map(r => names.you(r.userId)).join(' and ')}` : 'None yet',
      }))
      const closed = sessions.filter(s => ['declined', 'cancelled'].includes(s.status) || (s.status === 'proposed' && +s.start <= now)).map(describe)
      res.render('pages/shadowing/pair', {
        view,
        project: await projects.ofPair(view.pair._id),
        pairId: String(view.pair._id),
        isPartner: view.role !== 'lead',
        ended: view.ended,
        balance,
        upcoming,
        awaiting,
        past,
        closed,
      })
    },
  }
}
