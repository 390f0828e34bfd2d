import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, noReferralDecisions } from '../../src/db/schema/index.js'
import { addUser } from '../../src/services/identity/users.js'
import { type Client, DEMO, DEMO_PASSWORD, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'
import { depsOf, submittedEncounterWithSigns } from '../support/records.js'

const kinds = await testDatabaseKinds()
const HOUR = 3_600_000

const inList = (body: string, id: string) =>
  new RegExp(`data-kind="refer-or-notify" data-overdue="(yes|no)" data-item="${id}"`).exec(body)?.[1] ?? null
const radios = (body: string) => [...body.matchAll(/name="reason" type="radio" value="([a-z-]+)"/g)].map((m) => m[1])
const submissionOf = (body: string) => /name="submissionId" value="([0-9a-f-]{36})"/.exec(body)?.[1] as string

describe.each(kinds)('a supervisor’s decision that no referral or report is needed, on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  const decisionsFor = (encounterId: string) =>
    t.database.db.select().from(noReferralDecisions).where(eq(noReferralDecisions.encounterId, encounterId))

  /** Walks reason → details → check and returns the check page (or the page that refused). */
  async function check(c: Client, id: string, form: Record<string, string>) {
    const details = await c.post(`/encounters/${id}/no-referral-decision`, { reason: form.reason ?? '' })
    expect(details.statusCode).toBe(200)
    return c.post(`/encounters/${id}/no-referral-decision/details`, {
      submissionId: submissionOf(details.body),
      intent: 'check',
      ...form,
    })
  }

  it('takes an encounter out of both worklists, records who decided and why, and can be withdrawn', async () => {
    const enc = await submittedEncounterWithSigns(t, DEMO.response)
    t.clock.advance(25 * HOUR)
    let supervisor = await signIn(t.app, DEMO.supervisor)
    expect(inList((await supervisor.get('/team-actions')).body, enc.id)).toBe('yes')
    const officer = await signIn(t.app, DEMO.response)
    expect(inList((await officer.get('/actions')).body, enc.id)).toBe('yes')

    // The officer who met the person cannot decide: they are told to ask a supervisor.
    const asOfficer = await officer.get(`/encounters/${enc.id}`)
    expect(asOfficer.body).toContain('ask a supervisor to record that decision')
    expect(
      (await officer.post(`/encounters/${enc.id}/no-referral-decision`, { reason: 'duplicate-encounter' })).statusCode,
    ).toBe(403)
    expect((await officer.get(`/encounters/${enc.id}/no-referral-decision`)).body).toContain('No decision is recorded')

    const start = await supervisor.get(`/encounters/${enc.id}/no-referral-decision`)
    expect(start.statusCode).toBe(200)
    // West Yorkshire is in England and Wales: the Duty to Notify always applies to an adult (s52).
    expect(radios(start.body)).toEqual(['not-a-potential-victim', 'already-referred-elsewhere', 'duplicate-encounter'])

    const none = await supervisor.post(`/encounters/${enc.id}/no-referral-decision`, {})
    expect(none.statusCode).toBe(400)
    expect(none.body).toContain('govuk-error-summary')
    expect(none.body).toContain('Select why no referral or report is needed')

    const missing = await check(supervisor, enc.id, { reason: 'already-referred-elsewhere', rationale: 'Too short' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('Enter the organisation that referred or notified')
    expect(missing.body).toContain('Enter their referral or report reference')
    expect(missing.body).toContain('at least 20 characters')
    expect(await decisionsFor(enc.id)).toHaveLength(0)

    const form = {
      reason: 'already-referred-elsewhere',
      otherOrganisation: 'Kirklees Council',
      otherReference: 'KC/MS/2026/0142',
      rationale:
        'Kirklees Council children and adults team referred him to the NRM on 26 November; confirmed by phone.',
    }
    const checkPage = await check(supervisor, enc.id, form)
    expect(checkPage.statusCode).toBe(200)
    expect(checkPage.body).toContain('Check your decision')
    expect(checkPage.body).toContain('KC/MS/2026/0142')
    const submissionId = submissionOf(checkPage.body)
    expect(await decisionsFor(enc.id)).toHaveLength(0)

    const confirm = () =>
      supervisor.post(`/encounters/${enc.id}/no-referral-decision/details`, {
        ...form,
        submissionId,
        intent: 'confirm',
      })
    const saved = await confirm()
    expect(saved.statusCode).toBe(302)
    expect(saved.headers.location).toBe(`/encounters/${enc.id}`)
    // A double click or a retried request finds the first decision.
    expect((await confirm()).statusCode).toBe(302)
    const rows = await decisionsFor(enc.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      reason: 'already-referred-elsewhere',
      otherOrganisation: 'Kirklees Council',
      decidedByRole: 'supervisor',
      treatedAsChild: false,
      withdrawnAt: null,
      ruleVersion: 'no-referral-decision-1',
    })
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'no-referral-decision'), eq(auditEvents.recordId, rows[0]?.id as string)))
    expect(audited.map((a) => a.action)).toEqual(['create'])

    expect(inList((await supervisor.get('/team-actions')).body, enc.id)).toBeNull()
    expect(inList((await officer.get('/actions')).body, enc.id)).toBeNull()
    const page = await officer.get(`/encounters/${enc.id}`)
    expect(page.body).toContain('Not needed: supervisor’s decision')
    expect(page.body).not.toContain('data-qa="decide-none"')

    // Another decision while one stands is refused, with the way out.
    const again = await check(supervisor, enc.id, { ...form })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain('withdraw it before recording another')

    const record = await supervisor.get(`/encounters/${enc.id}/no-referral-decision`)
    expect(record.body).toContain('Withdraw the decision')
    const noReason = await supervisor.post(`/encounters/${enc.id}/no-referral-decision/withdraw`, {
      decisionId: rows[0]?.id as string,
      withdrawalReason: '',
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Say why the decision is withdrawn')
    const withdraw = () =>
      supervisor.post(`/encounters/${enc.id}/no-referral-decision/withdraw`, {
        decisionId: rows[0]?.id as string,
        withdrawalReason: 'Kirklees say their referral was for his brother, not him.',
      })
    expect((await withdraw()).statusCode).toBe(302)
    const twice = await withdraw()
    expect(twice.statusCode).toBe(409)
    expect(twice.body).toContain('already been withdrawn')
    const after = await decisionsFor(enc.id)
    expect(after[0]?.withdrawalReason).toBe('Kirklees say their referral was for his brother, not him.')

    // Back in the worklists, overdue, and the history keeps both events.
    supervisor = await signIn(t.app, DEMO.supervisor)
    expect(inList((await supervisor.get('/team-actions')).body, enc.id)).toBe('yes')
    const history = await supervisor.get(`/encounters/${enc.id}/no-referral-decision?history=1`)
    expect(history.body).toContain('Decision withdrawn')
    expect(history.body).toContain('Decision recorded: Another first responder has already referred or notified')
  })

  it('refuses "the Duty to Notify does not apply" in England and Wales, saying why, and saves nothing', async () => {
    const enc = await submittedEncounterWithSigns(t, DEMO.response)
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const start = await supervisor.get(`/encounters/${enc.id}/no-referral-decision`)
    const res = await supervisor.post(`/encounters/${enc.id}/no-referral-decision/details`, {
      reason: 'duty-does-not-apply',
      rationale: 'He declined the NRM and said he would go home to his family tomorrow.',
      submissionId: submissionOf(start.body) ?? randomUUID(),
      intent: 'confirm',
    })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('The Duty to Notify applies in England and Wales')
    expect(await decisionsFor(enc.id)).toHaveLength(0)
  })

  it('warns about a child, never offers "does not apply", and the database refuses it for a child too', async () => {
    const enc = await submittedEncounterWithSigns(t, DEMO.response, 15)
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const start = await supervisor.get(`/encounters/${enc.id}/no-referral-decision`)
    expect(start.body).toContain('The person is treated as a child')
    expect(radios(start.body)).not.toContain('duty-does-not-apply')
    const page = await check(supervisor, enc.id, {
      reason: 'not-a-potential-victim',
      rationale: 'Her mother and school confirmed she works two paid Saturday shifts; documents are with her mother.',
    })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('If any suspicion remains that they are a victim, they must be referred')

    const user = (await t.database.db.select().from(noReferralDecisions).limit(1))[0]
    await expect(
      t.database.db.insert(noReferralDecisions).values({
        forceId: 'west-yorkshire',
        encounterId: enc.id,
        reason: 'duty-does-not-apply',
        rationale: 'Written straight to the database to prove the check holds.',
        treatedAsChild: true,
        ruleVersion: 'test',
        decidedBy: user?.decidedBy as string,
        decidedByRole: 'supervisor',
        decidedAt: t.clock.now().toISOString(),
        submissionId: randomUUID(),
      }),
    ).rejects.toThrow()
  })

  it('links a duplicate to the other encounter, and refuses unknown or self references', async () => {
    const first = await submittedEncounterWithSigns(t, DEMO.response)
    const copy = await submittedEncounterWithSigns(t, DEMO.response)
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const rationale = 'Two officers recorded the same man at the same car wash on the same morning.'
    const unknown = await check(supervisor, copy.id, {
      reason: 'duplicate-encounter',
      duplicateOfReference: 'ENC-26-ZZZZZZ',
      rationale,
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('No encounter ENC-26-ZZZZZZ was found in your force')
    const self = await check(supervisor, copy.id, {
      reason: 'duplicate-encounter',
      duplicateOfReference: copy.reference.toLowerCase(),
      rationale,
    })
    expect(self.body).toContain('not this one’s')
    const ok = await check(supervisor, copy.id, {
      reason: 'duplicate-encounter',
      duplicateOfReference: first.reference,
      rationale,
    })
    expect(ok.statusCode).toBe(200)
    const saved = await supervisor.post(`/encounters/${copy.id}/no-referral-decision/details`, {
      reason: 'duplicate-encounter',
      duplicateOfReference: first.reference,
      rationale,
      submissionId: submissionOf(ok.body),
      intent: 'confirm',
    })
    expect(saved.statusCode).toBe(302)
    const [row] = await decisionsFor(copy.id)
    expect(row?.duplicateOfEncounterId).toBe(first.id)
    const record = await supervisor.get(`/encounters/${copy.id}/no-referral-decision`)
    expect(record.body).toContain(`href="/encounters/${first.id}"`)
  })

  it('keeps decisions inside the force', async () => {
    const enc = await submittedEncounterWithSigns(t, DEMO.response)
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect((await kent.get(`/encounters/${enc.id}/no-referral-decision`)).statusCode).toBe(404)
  })

  it('offers "does not apply" to a Police Scotland supervisor for an adult, and records it', async () => {
    const deps = depsOf(t)
    for (const role of ['response-officer', 'supervisor'] as const) {
      await addUser(
        deps,
        {
          email: `${role}@scotland.test`,
          displayName: `Scotland ${role}`,
          role,
          forceId: 'police-scotland',
          password: DEMO_PASSWORD,
        },
        { demo: true, by: null },
      )
    }
    const enc = await submittedEncounterWithSigns(t, 'response-officer@scotland.test')
    const supervisor = await signIn(t.app, 'supervisor@scotland.test')
    const start = await supervisor.get(`/encounters/${enc.id}/no-referral-decision`)
    expect(radios(start.body)).toContain('duty-does-not-apply')
    const page = await check(supervisor, enc.id, {
      reason: 'duty-does-not-apply',
      rationale: 'He declined an NRM referral with an independent interpreter; Scotland has no Duty to Notify.',
    })
    expect(page.statusCode).toBe(200)
    const saved = await supervisor.post(`/encounters/${enc.id}/no-referral-decision/details`, {
      reason: 'duty-does-not-apply',
      rationale: 'He declined an NRM referral with an independent interpreter; Scotland has no Duty to Notify.',
      submissionId: submissionOf(page.body),
      intent: 'confirm',
    })
    expect(saved.statusCode).toBe(302)
    expect((await decisionsFor(enc.id))[0]?.reason).toBe('duty-does-not-apply')
  })
})
