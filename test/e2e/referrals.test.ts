import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EncounterPatch } from '../../src/db/repositories/encounters.js'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../../src/services/identify/encounters.js'
import { actorFromUser } from '../../src/services/identity/sign-in.js'
import { DEMO } from '../support/app.js'
import {
  browserAvailable,
  expectAccessible,
  type LiveApp,
  launchBrowser,
  newContext,
  signInAs,
  startLiveApp,
} from './support/browser.js'

/** A submitted encounter, made through the identify service as the officer would through its pages. */
async function submittedEncounter(live: LiveApp, email: string, patch: EncounterPatch): Promise<string> {
  const deps = { db: live.database.db, database: live.database, now: live.clock.now }
  const found = await findUserForSignIn(live.database.db, email)
  if (!found) throw new Error(`no demo user ${email}`)
  const ctx = { actor: actorFromUser(found.user), requestId: 'e2e' }
  const row = await startEncounter(deps, ctx)
  const at = new Date(live.clock.now().getTime() - 3_600_000).toISOString()
  const saved = await saveEncounterStep(deps, ctx, row.id, row.version, {
    occurredAt: at,
    location: 'Hand car wash, Kirkstall Road, Leeds',
    placeType: 'car-wash',
    immediateRisk: 'no',
    interpreter: { used: true, independent: true },
    account: 'They took my passport and I work every day for no pay.',
    indicators: ['gen-documents-held', 'gen-wages-withheld'].map((id) => ({
      id,
      provenance: 'disclosed' as const,
      recordedAt: at,
    })),
    ...patch,
  })
  await submitEncounter(deps, ctx, saved.id, saved.version)
  return saved.id
}

const save = (page: Page) => page.getByRole('button', { name: 'Save and continue' }).click()
const choose = (page: Page, name: string, value: string) =>
  page.locator(`input[name="${name}"][value="${value}"]`).check()
async function fill(page: Page, fields: Record<string, string>) {
  for (const [id, value] of Object.entries(fields)) await page.locator(`#${id}`).fill(value)
}
async function date(page: Page, prefix: string, iso: string) {
  await fill(page, {
    [`${prefix}-day`]: String(Number(iso.slice(8, 10))),
    [`${prefix}-month`]: String(Number(iso.slice(5, 7))),
    [`${prefix}-year`]: iso.slice(0, 4),
  })
}

async function firstResponderPage(page: Page, shot: string) {
  await expect.poll(() => page.title()).toBe('First responder – Lantern')
  await expectAccessible(page, shot)
  // Filled in from the officer's account.
  expect(await page.locator('#email').inputValue()).toBe('response@demo.lantern')
  await save(page)
}

async function exploitationPages(page: Page, prefix: string) {
  await expect.poll(() => page.title()).toBe('Exploitation: type, place and time – Lantern')
  await expectAccessible(page, `${prefix}-exploitation`)
  await page.locator('input[name="types"][value="labour"]').check()
  await choose(page, 'where', 'uk')
  await page.locator('#policeForceArea').selectOption('west-yorkshire')
  await choose(page, 'ongoing', 'no')
  await date(page, 'startedOn', '2026-06-01')
  await save(page)
  await expect.poll(() => page.title()).toBe('Exploitation: what happened and who was involved – Lantern')
  await expectAccessible(page, `${prefix}-account`)
  expect(await page.locator('#account').inputValue()).toContain('They took my passport')
  await save(page)
}

async function nrmTailPages(page: Page, prefix: string) {
  await expect.poll(() => page.title()).toBe('Needs and risks – Lantern')
  await expectAccessible(page, `${prefix}-needs`)
  await choose(page, 'immediateRisk', 'no')
  await choose(page, 'accommodationNeeded', 'yes')
  await save(page)
  await expect.poll(() => page.title()).toBe('Support requested – Lantern')
  await expectAccessible(page, `${prefix}-support-requested`)
  await choose(page, 'emergencyAccommodation', 'yes')
  await choose(page, 'emergencyAccommodationReason', 'no-safe-housing')
  await choose(page, 'placeOfSafety', 'no')
  await save(page)
  await expect.poll(() => page.title()).toBe('Agencies involved – Lantern')
  await expectAccessible(page, `${prefix}-agencies`)
  await save(page)
}

async function checkAndSubmit(page: Page, prefix: string, button: string, confirmation: string) {
  await expect.poll(() => page.title()).toBe('Check your answers before submitting – Lantern')
  await expectAccessible(page, `${prefix}-check`)
  await page.getByRole('button', { name: button }).click()
  await expect.poll(() => page.title()).toBe(`${confirmation} – Lantern`)
  await expectAccessible(page, `${prefix}-confirmation`)
  await page.getByRole('link', { name: 'Go to the referral' }).click()
  await expect.poll(() => page.title()).toContain('Referral REF-')
  await expectAccessible(page, `${prefix}-record`)
}

describe.runIf(browserAvailable)('referrals on a phone, every pathway, with axe on every page', () => {
  let live: LiveApp
  let browser: Browser
  beforeAll(async () => {
    live = await startLiveApp()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await live?.close()
  })

  it('an adult who consents: consent, every section, check, submit, reference, decision, support', async () => {
    const encounterId = await submittedEncounter(live, DEMO.response, {
      person: { age: 34, role: 'potential-victim', language: 'Romanian' },
      consent: 'given',
    })
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, DEMO.response)
    await page.goto(`${live.baseUrl}/encounters/${encounterId}`)
    await page.getByRole('link', { name: 'Make a National Referral Mechanism (NRM) referral' }).click()
    await expect.poll(() => page.title()).toBe('Refer or notify – Lantern')
    await expectAccessible(page, 'referral-adult-start')
    await page.getByRole('button', { name: 'Start: record their answer about consent' }).click()

    await expect.poll(() => page.title()).toContain('Does the person agree')
    await expectAccessible(page, 'referral-adult-consent')
    await save(page)
    await expect.poll(() => page.title()).toContain('Error:')
    await expectAccessible(page, 'referral-adult-consent-errors')
    await choose(page, 'type', 'given')
    await choose(page, 'interpreter', 'independent')
    await fill(page, {
      language: 'Romanian',
      wordsUsed: 'I explained the NRM and the support it brings, and asked if they agree to be referred.',
    })
    await save(page)

    await firstResponderPage(page, 'referral-adult-first-responder')
    await expect.poll(() => page.title()).toBe('The potential victim – Lantern')
    await expectAccessible(page, 'referral-adult-person')
    await fill(page, { name: 'Ana Popescu', languages: 'Romanian', nationalities: 'Romanian', estimatedAge: '34' })
    await choose(page, 'ageStatus', 'adult')
    await choose(page, 'gender', 'female')
    await choose(page, 'interpreterNeeded', 'yes')
    await save(page)
    await exploitationPages(page, 'referral-adult')
    await nrmTailPages(page, 'referral-adult')
    await checkAndSubmit(page, 'referral-adult', 'Submit the referral', 'NRM referral submitted')
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('submitted')

    await page.getByRole('link', { name: 'Record the Home Office reference' }).click()
    await expectAccessible(page, 'referral-adult-reference')
    await fill(page, { homeOfficeReference: 'NRM-26-000777' })
    await save(page)
    await page.getByRole('link', { name: 'Record the Reasonable Grounds decision' }).click()
    await expectAccessible(page, 'referral-adult-rg')
    await choose(page, 'outcome', 'positive')
    await date(page, 'decidedOn', '2026-12-01')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect.poll(() => page.title()).toContain('Error:')
    expect(await page.textContent('.govuk-error-summary')).toContain('which is in the future')
    await expectAccessible(page, 'referral-adult-rg-error')
    await date(page, 'decidedOn', '2026-11-27')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect.poll(() => page.textContent('[data-qa=recovery-period]')).toContain('At least 30 days')
    await expectAccessible(page, 'referral-adult-recovery-period')

    await page.getByRole('link', { name: 'Record support offered' }).click()
    await expectAccessible(page, 'referral-adult-support-type')
    await choose(page, 'type', 'place-of-safety')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectAccessible(page, 'referral-adult-support-place-of-safety')
    await choose(page, 'response', 'accepted')
    await date(page, 'startedOn', '2026-11-26')
    await page.getByRole('button', { name: 'Record the support' }).click()
    await expect.poll(() => page.textContent('[data-qa=support]')).toContain('Place of Safety')
    await page.getByRole('link', { name: 'Record how the person wants to be contacted' }).click()
    await expectAccessible(page, 'referral-adult-contact-preferences')

    await page.goto(`${live.baseUrl}/referrals`)
    await expectAccessible(page, 'referral-list')
    await page.getByText('Filter referrals').click()
    await page.locator('input[name="status"][value="rg-pending"]').check()
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expectAccessible(page, 'referral-list-filtered')
    await context.close()
  })

  it('an adult who declines: an anonymous Duty to Notify report with no place for their identity', async () => {
    const encounterId = await submittedEncounter(live, DEMO.response, {
      person: { age: 29, role: 'potential-victim', language: 'Polish' },
      consent: 'declined',
    })
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, DEMO.response)
    await page.goto(`${live.baseUrl}/encounters/${encounterId}`)
    await page.getByRole('link', { name: 'Send an anonymous Duty to Notify report to the Home Office' }).click()
    await expectAccessible(page, 'referral-dtn-start')
    await page.getByRole('button', { name: 'Start: record their answer about consent' }).click()
    await choose(page, 'type', 'declined')
    await choose(page, 'interpreter', 'none')
    await fill(page, {
      language: 'Polish',
      wordsUsed: 'I explained the NRM and asked if they agree.',
      reason: 'Afraid',
    })
    await save(page)
    await firstResponderPage(page, 'referral-dtn-first-responder')
    await expect.poll(() => page.title()).toBe('About the person (no identifying details) – Lantern')
    await expectAccessible(page, 'referral-dtn-person')
    expect(await page.locator('#name').count()).toBe(0)
    expect(await page.locator('#dateOfBirth-day').count()).toBe(0)
    await choose(page, 'gender', 'male')
    await fill(page, { ageAtExploitation: '29', nationalities: 'Polish' })
    await save(page)
    await exploitationPages(page, 'referral-dtn')
    await checkAndSubmit(page, 'referral-dtn', 'Submit the report', 'Duty to Notify report recorded')
    expect(await page.textContent('main')).toContain('Duty to Notify report')
    await context.close()
  })

  for (const [name, person] of [
    ['a child', { age: 16, role: 'arrested', language: 'Vietnamese' }],
    [
      'a person whose age is disputed',
      { ageBand: 'adult', ageDisputed: true, role: 'potential-victim', language: 'Albanian' },
    ],
  ] as const) {
    it(`${name}: safeguarding first, no consent, no Duty to Notify, then the NRM referral`, async () => {
      const shot = name === 'a child' ? 'referral-child' : 'referral-age-disputed'
      const encounterId = await submittedEncounter(live, DEMO.response, { person: { ...person } })
      const context = await newContext(browser, 320)
      const page = await context.newPage()
      await signInAs(page, live.baseUrl, DEMO.response)
      await page.goto(`${live.baseUrl}/encounters/${encounterId}`)
      await page.getByRole('link', { name: 'Make a child safeguarding referral to children’s services' }).click()
      await expectAccessible(page, `${shot}-start`)
      expect(await page.locator('[data-kind="duty-to-notify"]').count()).toBe(0)
      await page.getByRole('button', { name: 'Start: record the safeguarding referral' }).click()
      await expect.poll(() => page.title()).toBe('Record the safeguarding referral to the local authority – Lantern')
      await expectAccessible(page, `${shot}-safeguarding`)
      await fill(page, { localAuthority: 'Leeds City Council children’s services', reference: 'LCC-1' })
      await choose(page, 'method', 'phone')
      await save(page)
      await firstResponderPage(page, `${shot}-first-responder`)
      await expectAccessible(page, `${shot}-person`)
      await fill(page, { name: 'Minh', languages: 'Vietnamese', estimatedAge: '16' })
      await choose(page, 'ageStatus', name === 'a child' ? 'child' : 'age-disputed')
      await choose(page, 'gender', 'male')
      await choose(page, 'interpreterNeeded', 'yes')
      await save(page)
      await exploitationPages(page, shot)
      await nrmTailPages(page, shot)
      await checkAndSubmit(page, shot, 'Submit the referral', 'NRM referral submitted')
      expect(await page.textContent('[data-qa=summary]')).toContain('Leeds City Council children’s services')
      expect(await page.textContent('main')).not.toContain('Consent')
      await page.goto(`${live.baseUrl}/encounters/${encounterId}`)
      expect(await page.textContent('main')).toContain('Referred to Leeds City Council children’s services')
      await expectAccessible(page, `${shot}-encounter-done`)
      await context.close()
    })
  }

  it('a supervisor transfers a referral to Kent; Kent reviews it; West Yorkshire keeps only the record', async () => {
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, DEMO.supervisor)
    await page.goto(`${live.baseUrl}/referrals?status=rg-pending&kind=nrm-adult`)
    const link = page.locator('[data-qa=referrals-table] a').first()
    const href = (await link.getAttribute('href')) as string
    await page.goto(`${live.baseUrl}${href}`)
    await expectAccessible(page, 'referral-transfer-before')
    await page.getByRole('link', { name: 'Transfer to another force' }).click()
    await expectAccessible(page, 'referral-transfer')
    await page.locator('#toForceId').selectOption('kent')
    await fill(page, { note: 'The farm is near Ashford.' })
    await page.getByRole('button', { name: 'Transfer the referral' }).click()
    await expect.poll(() => page.textContent('main')).toContain('Transferred to Kent Police')
    await expectAccessible(page, 'referral-transferred-away')

    const kent = await newContext(browser, 320)
    const kentPage = await kent.newPage()
    await signInAs(kentPage, live.baseUrl, DEMO.kentResponse)
    await kentPage.goto(`${live.baseUrl}${href}`)
    await expectAccessible(kentPage, 'referral-transfer-received')
    await kentPage.getByRole('button', { name: 'Mark as reviewed' }).click()
    await expect.poll(() => kentPage.textContent('main')).toContain('The transfer has been reviewed')
    await expectAccessible(kentPage, 'referral-transfer-reviewed')
    await kent.close()
    await context.close()
  })
})
