import { expect } from 'chai'
import { passwordProblem } from '../../server/accounts/password-policy'
import { hashPassword, verifyPassword } from '../../server/accounts/passwords'

describe('password hashing', () => {
  it('uses scrypt at N=2^17, r=8, p=1 by default, with a random salt', async () => {
    const a = await hashPassword('river otter saxophone')
    const b = await hashPassword('river otter saxophone')
    expect(a).to.match(/^scrypt\$131072\$8\$1\$/)
    expect(a).not.to.equal(b)
  })

  it('verifies the right password and refuses others, whatever cost the hash was made with', async () => {
    const hash = await hashPassword('river otter saxophone', 14)
    expect(await verifyPassword('river otter saxophone', hash)).to.equal(true)
    expect(await verifyPassword('river otter saxophonE', hash)).to.equal(false)
    expect(await verifyPassword('anything', undefined)).to.equal(false)
    expect(await verifyPassword('anything', 'garbage')).to.equal(false)
  })
})

describe('password policy', () => {
  const cases: [string, string | undefined][] = [
    ['', 'Enter a password'],
    ['elevenchars', 'Password must be 12 characters or more'],
    ['qwerty123456', 'Choose a password that is harder to guess: this one is among the most common'],
    ['Password12345!', 'Choose a password that is harder to guess: this one is among the most common'],
    ['aaaaaaaaaaaaaa', 'Choose a password that is harder to guess: this one is among the most common'],
    ['abcdefghijklmn', 'Choose a password that is harder to guess: this one is among the most common'],
    ['river otter saxophone', undefined],
    ['x'.repeat(257), 'Password must be 256 characters or fewer'],
  ]
  for (const [password, expected] of cases) {
    it(`${JSON.stringify(password.slice(0, 20))} → ${expected ?? 'accepted'}`, () => {
      expect(passwordProblem(password)).to.equal(expected)
    })
  }

  it('refuses a password containing the email address', () => {
    expect(passwordProblem('jane.smith-2026-tandem', { email: 'jane.smith@nhs.net' })).to.equal('Password must not contain your email address')
  })
})
