import { randomUUID } from 'node:crypto'
import { pinoHttp } from 'pino-http'
import { maskPath, type Logger } from '../logger'

export function setUpRequestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = randomUUID()
      res.setHeader('X-Request-Id', id)
      return id
    },
    serializers: {
      req: req => ({ id: req.id, method: req.method, path: maskPath(req.url ?? '') }),
      res: res => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // Health checks every few seconds would drown everything else.
    autoLogging: { ignore: req => req.url === '/healthz' },
  })
}
