// GET /healthz for load balancers: 200 while the database answers, 503 otherwise.
import { Router } from 'express'
import type { Services } from './services'

export function healthRoutes({ database }: Services) {
  const router = Router()
  router.get('/healthz', async (_req, res) => {
    const up = await database.ping()
    res.status(up ? 200 : 503).set('Cache-Control', 'no-store').json({ status: up ? 'ok' : 'unavailable', db: up ? 'up' : 'down' })
  })
  return router
}
