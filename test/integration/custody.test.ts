import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

async function exec(t: TestApp, q: ReturnType<typeof sql>) {
  return (await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }
}

function errorSummary(body: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? ''
  return [...summary.matchAll(/<a href="[^"]*">([^<]+)<\/a>/g)].map((m) => (m[1] ?? '').replace(/&quot;/g, '"'))
}

describe.each(kinds)('custody on %s', (kind) => {
  let t: TestApp
  let custody: Client
  let encounterId: string
  let reference: string
  beforeAll(async () => {
    t = await startTestApp(kind)
    custody = await signIn(t.app, DEMO.custody)
  }, 120_000)
  afterAll(async () => {
    await t?.close()
  })

  it('lists people in custody with signs of modern slavery, each with a visible s45 flag', async () => {
    const page = await custody.get('/custody')
    expect(page.statusCode).toBe(200)
    // Demo data: the 16-year-old arrested in a cannabis grow in Harehills.
    const row = /data-qa="custody-row-(ENC-\d\d-[A-Z0-9]+)"[\s\S]*?href="\/custody\/([0-9a-f-]{36})"/.exec(page.body)
    expect(row).not.toBeNull()
    reference = row?.[1] ?? ''
    encounterId = row?.[2] ?? ''
    expect(page.body).toMatch(new RegExp(`data-qa="custody-row-${reference}"[\\s\\S]*?data-qa="s45-flag"`))
    expect(page.body).toContain('Arrested, age 16')
    // A witness at a nail bar is not in custody and not a suspect: not listed.
    const rows = await exec(
      t,
      sql`select reference from encounters where person->>'role' = 'witness' and force_id = 'west-yorkshire'`,
    )
    for (const r of rows.rows) expect(page.body).not.toContain(String(r.reference))
    const audit = await exec(t, sql`select count(*)::int as n from audit_events where record_type = 'custody-list'`)
    expect(audit.rows[0]?.n).toBe(1)
  })

  it('prepares a note for the CPS file, refusing unknown offences and bad ages with specific messages', async () => {
    const person = await custody.get(`/custody/${encounterId}`)
    expect(person.statusCode).toBe(200)
    expect(person.body).toContain('data-qa="s45-flag"')
    const form = await custody.get(`/custody/${encounterId}/note`)
    expect(form.body).toContain('value="16"')
    const bad = await custody.post(`/custody/${encounterId}/note`, {
      custodyRecordRef: 'WY/2611/0042',
      ageAtOffence: 'sixteen',
      offences: 'Misuse of Drugs Act 1971 s4(2)\nmurdr',
      nrmStatus: 'not-yet-referred',
    })
    expect(bad.statusCode).toBe(400)
    const messages = errorSummary(bad.body)
    expect(messages[0]).toBe('The age must be a number of whole years, for example 17; "sixteen" is not a number.')
    expect(messages[1]).toMatch(/^Offence 2: Lantern cannot identify the offence "murdr".*Did you mean: murder\?/)
    const none = await exec(t, sql`select count(*)::int as n from custody_notes`)
    expect(none.rows[0]?.n).toBe(0)

    await custody.get(`/custody/${encounterId}/note`)
    const ok = await custody.post(`/custody/${encounterId}/note`, {
      custodyRecordRef: 'WY/2611/0042',
      ageAtOffence: '16',
      offences: 'Misuse of Drugs Act 1971 s4(2)\nTheft Act 1968 s8',
      'offenceDate-day': '26',
      'offenceDate-month': '11',
      'offenceDate-year': '2026',
      nrmStatus: 'not-yet-referred',
    })
    expect(ok.statusCode).toBe(302)
    const noteUrl = String(ok.headers.location)
    expect(noteUrl).toMatch(new RegExp(`^/custody/${encounterId}/notes/[0-9a-f-]{36}$`))
    const note = await custody.get(noteUrl)
    expect(note.statusCode).toBe(200)
    expect(note.body).toContain('PREPARED NOTE FOR THE CPS FILE')
    expect(note.body).toContain(`Person: ${reference} (reference only; identity is on the custody record)`)
    expect(note.body).toContain('AVAILABLE IN PRINCIPLE')
    expect(note.body).toContain('NOT AVAILABLE')
    expect(note.body).toContain('A child must be referred to the NRM; consent is not needed.')
    expect(note.body).toContain('R v MK; R v Gega [2018] EWCA Crim 667')
    expect(note.body).toContain('data-lantern-print')
    const audit = await exec(t, sql`select action from audit_events where record_type = 'custody-note' order by id`)
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'read'])
    expect((await custody.get('/custody')).body).toContain(`href="${noteUrl}"`)
  })

  it('marks the assessment’s s45 action done with a link to the note', async () => {
    const record = await custody.get(`/encounters/${encounterId}`)
    expect(record.statusCode).toBe(200)
    expect(record.body).toMatch(/data-action-code="s45-flag"[\s\S]*?Flagged; note for the CPS file prepared/)
    expect(record.body).toMatch(new RegExp(`href="/custody/${encounterId}/notes/[0-9a-f-]{36}"`))
  })

  it('is closed to other roles and to other forces', async () => {
    const response = await signIn(t.app, DEMO.response)
    expect((await response.get('/custody')).statusCode).toBe(403)
    const analyst = await signIn(t.app, DEMO.analyst)
    expect((await analyst.get(`/custody/${encounterId}`)).statusCode).toBe(403)
    const kent = await signIn(t.app, DEMO.kentInvestigator)
    expect((await kent.get(`/custody/${encounterId}`)).statusCode).toBe(404)
    expect((await kent.get('/custody')).body).not.toContain(reference)
    await kent.get('/investigations/new')
    const post = await kent.post(`/custody/${encounterId}/note`, {
      custodyRecordRef: 'K/1',
      ageAtOffence: '16',
      offences: 'Theft Act 1968 s1',
      nrmStatus: 'not-yet-referred',
    })
    expect(post.statusCode).toBe(404)
  })
})
