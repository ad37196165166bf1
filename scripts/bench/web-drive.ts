// The client side of `npm run bench:web`: a real sign-in (the form, its CSRF
// token, the session cookie), a check that a page answers before it is driven,
// and autocannon at a fixed number of connections for a fixed time, with every
// response's latency kept so that p50, p95 and p99 are exact.
import autocannon from 'autocannon'

/** The app runs with production settings behind "a proxy": secure cookies need https as the proxy says. */
export const PROXY_HEADERS = { 'x-forwarded-proto': 'https' }

export type Drive = { connections: number; seconds: number }

export type Measured = { requestsPerSecond: number; p50: number; p95: number; p99: number; requests: number; non2xx: number; errors: number }

/** The cookies a browser would send after this response: each one set replaces the one of its name. */
function cookiesAfter(response: Response, before = ''): string {
  const jar = new Map(before ? before.split('; ').map(c => [c.split('=')[0]!, c] as const) : [])
  for (const set of response.headers.getSetCookie()) {
    const cookie = set.split(';')[0]!
    jar.set(cookie.split('=')[0]!, cookie)
  }
  return [...jar.values()].join('; ')
}

/**
 * Signs in through the sign-in form as a person would, follows the redirect, and
 * returns the cookies the browser then holds: the session and its version, which
 * the first page after sign-in moves (it adds the sign-out form's CSRF token).
 * autocannon sends the same cookies with every request and never takes new ones.
 */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const page = await fetch(`${origin}/sign-in`, { headers: PROXY_HEADERS, redirect: 'manual' })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1]
  if (page.status !== 200 || !csrf) throw new Error(`The sign-in page answered ${page.status}${csrf ? '' : ' without a CSRF token'}`)
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    headers: { ...PROXY_HEADERS, cookie: cookiesAfter(page), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    redirect: 'manual',
  })
  const cookie = cookiesAfter(response)
  if (response.status !== 303 || !cookie) throw new Error(`Signing in answered ${response.status}, not a redirect with a session`)
  const next = await fetch(new URL(response.headers.get('location') ?? '/', origin), { headers: { ...PROXY_HEADERS, cookie }, redirect: 'manual' })
  await next.arrayBuffer()
  return cookiesAfter(next, cookie)
}

/** One request first, alone: the status, size and time of what would be driven. */
export async function check(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; alone: number }> {
  const started = performance.now()
  const response = await fetch(url, { headers, redirect: 'manual' })
  const bytes = (await response.arrayBuffer()).byteLength
  return { status: response.status, bytes, alone: performance.now() - started }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN)

export async function drive(url: string, headers: Record<string, string>, { connections, seconds }: Drive): Promise<Measured> {
  const latencies: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    // A request is given the whole run before it counts as timed out: a page slower than
    // autocannon's 10 s would otherwise be asked again while the server still makes it.
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: Math.max(10, seconds) }, (error, done) => (error ? reject(error) : resolve(done)))
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  })
  latencies.sort((a, b) => a - b)
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
