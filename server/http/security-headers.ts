// helmet, with a Content-Security-Policy that NHS.UK frontend works under: its
// scripts and styles come from our own origin, and the one inline snippet in the
// layout (which marks the body as JavaScript-enabled) carries a per-request nonce.
// Its stylesheet asks for the NHS's Frutiger font from assets.nhs.uk, which serves
// it to services on nhs.uk domains; elsewhere the browser falls back to Arial.
import { randomBytes } from 'node:crypto'
import { Router, type Response } from 'express'
import helmet from 'helmet'

const NHS_FONTS = 'https://assets.nhs.uk'

export function setUpSecurityHeaders(production: boolean) {
  const router = Router()
  router.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })
  router.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", NHS_FONTS],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  )
  return router
}
