// What makes a password acceptable: NCSC/NIST-style length over complexity,
// and none of the commonest passwords (the zxcvbn-ts common list).
import { dictionary } from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

const common = new Set((dictionary['passwords-common'] as string[]).map(p => p.toLowerCase()))
// Words people build long passwords from; with digits or symbols added they are still guessed first.
const commonStems = ['password', 'passw0rd', 'qwerty', 'letmein', 'welcome', 'iloveyou', 'tandem', 'nhs', 'admin', 'changeme']

/** Returns a message for the person, or undefined when the password is acceptable. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | undefined {
  if (!password) return 'Enter a password'
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`
  const lower = password.toLowerCase()
  const stem = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '')
  const tooCommon =
    common.has(lower) ||
    (stem.length > 0 && common.has(stem) && stem.length < MIN_PASSWORD_LENGTH) ||
    commonStems.some(s => stem === s || stem.replace(/[^a-z]/g, '') === s) ||
    /^(.)\1+$/.test(password) ||
    isSequence(lower)
  if (tooCommon) return 'Choose a password that is harder to guess: this one is among the most common'
  const local = context.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) return 'Password must not contain your email address'
  return undefined
}

function isSequence(value: string): boolean {
  const sequences = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm']
  return sequences.some(seq => seq.includes(value) || seq.split('').reverse().join('').includes(value))
}
