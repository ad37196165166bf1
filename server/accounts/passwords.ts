// Password hashing with scrypt (a slow, memory-hard KDF built into Node).
// The cost parameters are stored with each hash, so they can be raised later
// without locking anyone out.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// OWASP's recommended minimum for scrypt: N=2^17, r=8, p=1 (128 MiB, about half
// a second here). Tests may lower N through config (PASSWORD_HASH_COST) to stay fast.
export const DEFAULT_HASH_COST = 17
const COST = { N: 2 ** DEFAULT_HASH_COST, r: 8, p: 1 }
const KEY_LENGTH = 64

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, scryptOptions, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

export async function hashPassword(password: string, log2N = DEFAULT_HASH_COST): Promise<string> {
  const salt = randomBytes(16)
  const cost = { ...COST, N: 2 ** log2N }
  const key = await derive(password, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string | undefined | null, dummyLog2N = DEFAULT_HASH_COST): Promise<boolean> {
  const parts = (stored ?? '').split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time as a real check, so that timing does not reveal whether an account exists.
    await derive(password, Buffer.alloc(16), { ...COST, N: 2 ** dummyLog2N })
    return false
  }
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string]
  const expected = Buffer.from(key, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
