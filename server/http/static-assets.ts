// NHS.UK frontend's CSS, JavaScript and images straight from the installed
// package, and our few own files from public/.
import path from 'node:path'
import express, { Router } from 'express'
import { PROJECT_ROOT } from '../paths'

export function setUpStaticAssets() {
  const router = Router()
  const options = { maxAge: '1h', index: false as const }
  router.use('/assets/nhsuk', express.static(path.join(PROJECT_ROOT, 'node_modules/nhsuk-frontend/dist/nhsuk'), options))
  router.use(
    '/assets/nhsuk/images',
    express.static(path.join(PROJECT_ROOT, 'node_modules/nhsuk-frontend/dist/nhsuk/assets/images'), options),
  )
  router.use('/assets/app', express.static(path.join(PROJECT_ROOT, 'public'), options))
  router.get('/favicon.ico', (_req, res) => {
    res.redirect(301, '/assets/nhsuk/images/favicon.ico')
  })
  return router
}
