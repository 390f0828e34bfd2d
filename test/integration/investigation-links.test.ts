import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import { DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'
import { submittedEncounterWithSigns } from '../support/records.js'

const kinds = await testDatabaseKinds()

describe.each(kinds)('investigations linked from an encounter, on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('offers an investigator to open one from the encounter, then lists it there', async () => {
    const enc = await submittedEncounterWithSigns(t, DEMO.response)
    const investigator = await signIn(t.app, DEMO.investigator)
    let page = await investigator.get(`/encounters/${enc.id}`)
    expect(page.body).toContain('No investigation has been opened from this record')
    const href = `/investigations/new?encounter=${enc.reference}`
    expect(page.body).toContain(`href="${href}"`)
    const form = await investigator.get(href)
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain(`value="${enc.reference}"`)

    const me = await findUserForSignIn(t.database.db, DEMO.investigator)
    const opened = await investigator.post('/investigations', {
      title: 'Operation Brightwater',
      summary: 'Labour exploitation at a car wash',
      source: 'encounter',
      sourceRef: enc.reference,
      officerInCharge: me?.user.id as string,
      submissionId: randomUUID(),
    })
    expect(opened.statusCode).toBe(302)
    page = await investigator.get(`/encounters/${enc.id}`)
    expect(page.body).toContain('data-qa="linked-investigations"')
    expect(page.body).toContain('Operation Brightwater')
    expect(page.body).toContain(`href="${opened.headers.location}"`)

    // A response officer neither reads investigations nor opens them: the section is not shown.
    const officer = await signIn(t.app, DEMO.response)
    const theirs = await officer.get(`/encounters/${enc.id}`)
    expect(theirs.body).not.toContain('Operation Brightwater')
    expect(theirs.body).not.toContain('data-qa="open-investigation"')
  })
})
