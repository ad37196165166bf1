// Test fixtures: people with passwords, built with overrides.
import { User, type Role } from '../../models/user'
import { hashPassword } from '../../server/accounts/passwords'
import type { TestApp } from './test-app'
import { browserFor } from './test-app'

export const TEST_PASSWORD = 'correct horse battery staple'

let counter = 0

export async function insertUser(overrides: { email?: string; name?: string; roles?: Role[]; password?: string; status?: 'invited' | 'active' } = {}) {
  counter += 1
  return User.create({
    email: overrides.email ?? `person${counter}@example.nhs.uk`,
    name: overrides.name ?? `Person ${counter}`,
    roles: overrides.roles ?? ['doctor'],
    status: overrides.status ?? 'active',
    passwordHash: await hashPassword(overrides.password ?? TEST_PASSWORD, 14),
  })
}

/** A browser signed in as a new person with the given roles. */
export async function signedIn(testApp: TestApp, roles: Role[] = ['lead']) {
  const user = await insertUser({ roles })
  return { user, browser: await signInAs(testApp, user) }
}

/** A browser signed in as someone who already exists (with the test password). */
export async function signInAs(testApp: TestApp, user: { email: string }) {
  const browser = browserFor(testApp.app)
  const response = await browser.submit('/sign-in', { email: user.email, password: TEST_PASSWORD })
  if (response.status !== 303) throw new Error(`Sign-in failed with ${response.status}`)
  return browser
}

/** The first link in an email's text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const match = new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[^\\s]+`).exec(text)
  if (!match) throw new Error(`No link starting ${prefix} in: ${text}`)
  return match[0]
}
