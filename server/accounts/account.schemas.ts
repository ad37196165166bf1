// What each account form accepts. Messages follow the NHS.UK style: say what
// to do, not what went wrong.
import { z } from 'zod'
import { ROLES } from '../../models/user'
import type { FieldError } from '../errors'
import { fromZodError } from '../http/forms'
import { passwordProblem } from './password-policy'

const emailMessage = 'Enter an email address in the correct format, like name@example.nhs.uk'

const email = z
  .string()
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email(emailMessage))
const name = z.string().trim().min(1, 'Enter your full name').max(100, 'Full name must be 100 characters or fewer')

export const setupSchema = z.object({ name, email, password: z.string() })
export const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password'),
})
export const inviteSchema = z.object({
  email: z.string().trim().min(1, 'Enter their email address').max(254).pipe(z.email(emailMessage)),
  role: z.enum(ROLES, 'Select a role'),
})
export const acceptInvitationSchema = z.object({ name, password: z.string() })
export const resetRequestSchema = z.object({ email })
export const newPasswordSchema = z.object({ password: z.string() })

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] }

/**
 * Parses a form body; strings only (a repeated field arrives as an array and is refused).
 * `passwordContext` adds the password rules to a field called `password`.
 */
export function parseForm<T extends z.ZodObject>(
  schema: T,
  body: unknown,
  passwordContext?: { email?: string },
): Parsed<z.infer<T>> {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const input = Object.fromEntries(
    Object.keys(schema.shape).map(key => [key, typeof source[key] === 'string' ? source[key] : '']),
  )
  const result = schema.safeParse(input)
  const errors = result.success ? [] : fromZodError(result.error)
  if (passwordContext && 'password' in schema.shape) {
    const problem = passwordProblem(String(input.password ?? ''), {
      email: passwordContext.email ?? (typeof input.email === 'string' ? input.email : undefined),
    })
    if (problem) errors.push({ field: 'password', message: problem })
  }
  if (errors.length || !result.success) return { ok: false, errors }
  return { ok: true, data: result.data }
}
