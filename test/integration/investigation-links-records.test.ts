import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import { readCrimeRecord, recordCrime } from '../../src/services/crime/crime-records.js'
import { logReceivedReferral } from '../../src/services/crime/received-referrals.js'
import { startReferral } from '../../src/services/refer/referrals.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'
import { ctxOf, depsOf, submittedEncounterWithSigns } from '../support/records.js'

const HOUR = 3_600_000
const kinds = await testDatabaseKinds()

/** POST /investigations as the form sends it, with the investigator as officer in charge. */
async function openFrom(t: TestApp, c: Client, title: string, source: string, sourceRef: string) {
  const me = await findUserForSignIn(t.database.db, DEMO.investigator)
  const opened = await c.post('/investigations', {
    title,
    summary: 'Labour exploitation at a car wash',
    source,
    sourceRef,
    officerInCharge: me?.user.id as string,
    submissionId: randomUUID(),
  })
  expect(opened.statusCode, opened.body.slice(0, 2000)).toBe(302)
  return String(opened.headers.location)
}

describe.each(kinds)('investigations linked from a referral and a crime record, on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('offers an investigator to open one from a referral, then lists it there', async () => {
    const enc = await submittedEncounterWithSigns(t, DEMO.response)
    const { row: referral } = await startReferral(depsOf(t), await ctxOf(t, DEMO.response), enc.id, {})
    const investigator = await signIn(t.app, DEMO.investigator)
    let page = await investigator.get(`/referrals/${referral.id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('No investigation has been opened from this record')
    const href = `/investigations/new?referral=${referral.reference}`
    expect(page.body).toContain(`href="${href}"`)
    const form = await investigator.get(href)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain(`value="${referral.reference}"`)

    const location = await openFrom(t, investigator, 'Operation Kestrel', 'referral', referral.reference)
    page = await investigator.get(`/referrals/${referral.id}`)
    expect(page.body).toContain('data-qa="linked-investigations"')
    expect(page.body).toContain('Operation Kestrel')
    expect(page.body).toContain(`href="${location}"`)
    expect(page.body).not.toContain('No investigation has been opened from this record')

    // A response officer neither reads investigations nor opens them: the section is not shown.
    const officer = await signIn(t.app, DEMO.response)
    const theirs = await officer.get(`/referrals/${referral.id}`)
    expect(theirs.statusCode).toBe(200)
    expect(theirs.body).not.toContain('Operation Kestrel')
    expect(theirs.body).not.toContain('data-qa="open-investigation"')
    expect(theirs.body).not.toContain('<h2 class="govuk-heading-m">Investigation</h2>')
  })

  it('offers an investigator to open one from a crime record once its crime reference is recorded, then lists it there', async () => {
    const deps = depsOf(t)
    const ctx = await ctxOf(t, DEMO.response)
    const { crimeRecordId } = await logReceivedReferral(deps, ctx, randomUUID(), {
      kind: 'nrm-adult',
      firstResponderOrganisation: 'Leeds City Council',
      externalReference: null,
      receivedAt: new Date(t.clock.now().getTime() - HOUR).toISOString(),
      exploitationLocation: 'uk',
      exploitationForceId: 'west-yorkshire',
    })
    const id = crimeRecordId as string
    expect(id).toBeTruthy()

    // /investigations/new finds a crime record by its crime reference: until there is one, the page says so.
    const investigator = await signIn(t.app, DEMO.investigator)
    let page = await investigator.get(`/crime/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('data-qa="open-investigation"')
    expect(page.body).toContain('data-qa="investigation-needs-reference"')

    const reference = '13/4521/26'
    const { record } = await readCrimeRecord(deps, ctx, id)
    await recordCrime(deps, ctx, id, record.version, {
      reference,
      classification: '106',
      recordedAt: new Date(t.clock.now().getTime() - HOUR / 2).toISOString(),
    })
    page = await investigator.get(`/crime/${id}`)
    expect(page.body).toContain('No investigation has been opened from this record')
    expect(page.body).not.toContain('data-qa="investigation-needs-reference"')
    const href = `/investigations/new?crime=${encodeURIComponent(reference)}`
    expect(page.body).toContain(`href="${href}"`)
    const form = await investigator.get(href)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain(`value="${reference}"`)

    const location = await openFrom(t, investigator, 'Operation Heron', 'crime-record', reference)
    page = await investigator.get(`/crime/${id}`)
    expect(page.body).toContain('data-qa="linked-investigations"')
    expect(page.body).toContain('Operation Heron')
    expect(page.body).toContain(`href="${location}"`)

    const officer = await signIn(t.app, DEMO.response)
    const theirs = await officer.get(`/crime/${id}`)
    expect(theirs.statusCode).toBe(200)
    expect(theirs.body).not.toContain('Operation Heron')
    expect(theirs.body).not.toContain('data-qa="open-investigation"')
    expect(theirs.body).not.toContain('data-qa="investigation-needs-reference"')
  })
})
