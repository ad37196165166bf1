// The environment, parsed and validated once at start-up. A missing or malformed
// production setting stops the process with a message that names the variable.
import { z } from 'zod'

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().default('Tandem <tandem@localhost>'),
    DATA_DIR: z.string().default('./data'),
    // log2 of scrypt's N; production keeps the default.
    PASSWORD_HASH_COST: z.coerce.number().int().min(14).max(20).default(17),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return
    for (const key of ['BASE_URL', 'MONGODB_URI', 'SESSION_SECRET'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' })
    }
    if (env.PASSWORD_HASH_COST < 17) {
      ctx.addIssue({ code: 'custom', path: ['PASSWORD_HASH_COST'], message: 'must be at least 17 in production' })
    }
  })

export type Config = {
  env: 'development' | 'test' | 'production'
  production: boolean
  port: number
  baseUrl: string
  mongodbUri: string | undefined
  sessionSecret: string
  smtpUrl: string | undefined
  mailFrom: string
  dataDir: string
  logLevel: string
  passwordHashCost: number
  /** How many reverse proxies sit in front (for client IPs and secure cookies). */
  trustProxy: number
}

export class ConfigError extends Error {}

/** Reads the settings from an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in .env files mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = schema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(i => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const port = env.PORT
  return {
    env: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    port,
    baseUrl: (env.BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    mongodbUri: env.MONGODB_URI,
    // Outside production a fixed secret keeps development sessions across restarts.
    sessionSecret: env.SESSION_SECRET ?? 'development-only-secret-not-for-production-use',
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    dataDir: env.DATA_DIR,
    passwordHashCost: env.PASSWORD_HASH_COST,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.NODE_ENV === 'test' && !source.LOG_LEVEL ? 'silent' : env.LOG_LEVEL,
  }
}
