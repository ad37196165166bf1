// /dev/mail: the outbox as a mailbox, for development without an SMTP server.
// Never mounted in production (see server/app.ts).
import { Router } from 'express'
import type { Services } from '../services'

export function devMailRoutes({ outbox }: Services) {
  const router = Router()
  router.get('/dev/mail', async (_req, res) => {
    res.render('pages/mail/dev-mail-list', { messages: await outbox.list({ limit: 200 }) })
  })
  router.get('/dev/mail/:id', async (req, res) => {
    res.render('pages/mail/dev-mail-message', { message: await outbox.get(req.params.id) })
  })
  return router
}
