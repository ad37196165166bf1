// Shadowing: a pair's page, booking a session one question a page, the
// session page and its actions, and the no-sign-in link in a proposal email.
// Who may see or change what is decided by the shadowing service.
import { Router } from 'express'
import { requireSignIn } from '../http/guards'
import type { Services } from '../services'
import { bookingController } from './booking.controller'
import { bookingTimeController } from './booking-time.controller'
import { pairPageController } from './pair-page.controller'
import { respondLinkController } from './respond-link.controller'
import { sessionChangeController } from './session-change.controller'
import { sessionPageController } from './session-page.controller'

export function shadowingRoutes(services: Services) {
  const router = Router()
  const signedIn = requireSignIn
  const pair = pairPageController(services)
  const booking = bookingController(services)
  const bookingTime = bookingTimeController(services)
  const session = sessionPageController(services)
  const change = sessionChangeController(services)
  const link = respondLinkController(services)
  const book = '/pairs/:pairId/book'
  const one = '/shadowing/:sessionId'

  router.get('/pairs/:pairId', signedIn, pair.get)
  router.get(book, signedIn, booking.direction)
  router.post(book, signedIn, booking.saveDirection)
  router.get(`${book}/activity`, signedIn, booking.activity)
  router.post(`${book}/activity`, signedIn, booking.saveActivity)
  router.get(`${book}/duration`, signedIn, booking.duration)
  router.post(`${book}/duration`, signedIn, booking.saveDuration)
  router.get(`${book}/location`, signedIn, booking.location)
  router.post(`${book}/location`, signedIn, booking.saveLocation)
  router.get(`${book}/time`, signedIn, bookingTime.time)
  router.post(`${book}/time`, signedIn, bookingTime.saveTime)
  router.get(`${book}/check`, signedIn, bookingTime.check)
  router.post(`${book}/check`, signedIn, bookingTime.send)

  // No sign-in: the link in the email is the key. Before /shadowing/:sessionId/… so that "respond" is never read as an id.
  router.get('/shadowing/respond/done', link.done)
  router.get('/shadowing/respond/:token', link.get)
  router.post('/shadowing/respond/:token', link.post)

  router.get(one, signedIn, session.get)
  router.get(`${one}/calendar.ics`, signedIn, session.calendar)
  router.post(`${one}/respond`, signedIn, session.respond)
  router.post(`${one}/withdraw`, signedIn, session.withdraw)
  router.post(`${one}/outcome`, signedIn, session.outcome)
  router.post(`${one}/reflection`, signedIn, session.reflection)
  router.get(`${one}/reschedule`, signedIn, change.rescheduleForm)
  router.post(`${one}/reschedule`, signedIn, change.reschedule)
  router.get(`${one}/cancel`, signedIn, change.cancelForm)
  router.post(`${one}/cancel`, signedIn, change.cancel)
  return router
}
