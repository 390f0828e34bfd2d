import { addCalendarDays, addWorkingDays, type IsoDate } from '../../src/domain/deadlines/index.js'
import { DEMO_PASSWORD } from '../../src/services/identity/passwords.js'
import { firstPassOnly, load, loop } from '../harness.js'
import type { BenchSection } from '../sections.js'
import { signInCookie } from '../session.js'

// Every start date of one year, so weekends, Easter and Christmas all fall in the loop.
const year: IsoDate[] = Array.from({ length: 365 }, (_, i) => addCalendarDays('2026-01-01', i))

const workingDays = firstPassOnly((seconds) => {
  let i = 0
  const next = () => year[i++ % year.length] ?? '2026-01-01'
  const r = loop('addWorkingDays() in process', () => addWorkingDays(next(), 5, 'england-and-wales'), seconds)
  return `working days: ${r.perSecond.toFixed(0)} addWorkingDays() calls/s in one thread over a year of dates (${r.calls} calls)`
})

export const referBench: BenchSection = {
  name: 'refer',
  async run(env) {
    const notes = workingDays(env.seconds)
    // Team actions is for supervisors and the force lead; the harness's cookie is an investigator's.
    const cookie = await signInCookie(env.baseUrl, 'supervisor@demo.lantern', DEMO_PASSWORD)
    const get = (path: string) => () => fetch(`${env.baseUrl}${path}`, { headers: { cookie } })
    const opts = { seconds: env.seconds, concurrency: env.concurrency }
    const list = await get('/referrals')().then((r) => r.text())
    const id = /href="\/referrals\/([0-9a-f-]{36})"/.exec(list)?.[1]
    const rows = [
      await load(`GET /actions, supervisor (${env.kind})`, get('/actions'), opts),
      await load(`GET /team-actions, supervisor (${env.kind})`, get('/team-actions'), opts),
      await load(`GET /referrals (${env.kind})`, get('/referrals'), opts),
    ]
    if (id) rows.push(await load(`GET /referrals/:id.json export (${env.kind})`, get(`/referrals/${id}.json`), opts))
    else notes.push(`${env.kind}: referral export not measured (no seeded referral in the list)`)
    return { load: rows, notes }
  },
}
