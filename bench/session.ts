/** Signs in over HTTP like a browser and returns the cookie header to reuse. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [k, v] = (pair ?? '').split('=')
      if (k && v !== undefined) jar.set(k, v)
    }
  }
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const page = await fetch(`${baseUrl}/sign-in`)
  keep(page)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  })
  keep(res)
  if (res.status !== 302) throw new Error(`bench sign-in failed: ${res.status}`)
  return cookie()
}
