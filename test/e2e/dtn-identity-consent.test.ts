import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../../src/services/identify/encounters.js'
import { actorFromUser } from '../../src/services/identity/sign-in.js'
import { DEMO } from '../support/app.js'
import {
  browserAvailable,
  expectAccessible,
  type LiveApp,
  newContext,
  signInAs,
  useLiveBrowser,
} from './support/browser.js'

/** An adult who declined an NRM referral, recorded through the identify service as the officer would. */
async function declinedEncounter(live: LiveApp): Promise<string> {
  const deps = { db: live.database.db, database: live.database, now: live.clock.now }
  const found = await findUserForSignIn(live.database.db, DEMO.response)
  if (!found) throw new Error('no demo response officer')
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
    person: { age: 29, role: 'potential-victim', language: 'Polish' },
    consent: 'declined',
  })
  await submitEncounter(deps, ctx, saved.id, saved.version)
  return saved.id
}

const save = (page: Page) => page.getByRole('button', { name: 'Save and continue' }).click()
const choose = (page: Page, name: string, value: string) =>
  page.locator(`input[name="${name}"][value="${value}"]`).check()

describe.runIf(browserAvailable)('consent to share identity on a Duty to Notify report, on a phone', () => {
  const env = useLiveBrowser()

  it('an adult who declines but agrees to be named: consent recorded, the name filled in, then withdrawn', async () => {
    const encounterId = await declinedEncounter(env.live)
    const context = await newContext(env.browser, 320)
    const page = await context.newPage()
    await signInAs(page, env.live.baseUrl, DEMO.response)
    await page.goto(`${env.live.baseUrl}/encounters/${encounterId}`)
    await page.getByRole('link', { name: 'Send an anonymous Duty to Notify report to the Home Office' }).click()
    await page.getByRole('button', { name: 'Start: record their answer about consent' }).click()
    await choose(page, 'type', 'declined')
    await choose(page, 'interpreter', 'independent')
    await page.locator('#language').fill('Polish')
    await page.locator('#wordsUsed').fill('I explained the NRM and asked if they agree.')
    await save(page)
    await expect.poll(() => page.title()).toBe('First responder – Lantern')

    // The report's record page offers consent to share identity, not asked yet.
    const recordUrl = page.url().replace(/\/section\/first-responder$/, '')
    await page.goto(recordUrl)
    expect(await page.textContent('[data-qa=identity-consent]')).toBe('Not asked')
    expect(await page.textContent('#sections-2-status')).toContain('Not asked')
    await expectAccessible(page, 'dtn-identity-record-not-asked')
    await page.locator('[data-qa=sections]').getByRole('link', { name: 'Consent to share identity' }).click()

    await expect.poll(() => page.title()).toBe('Record consent to share their identity – Lantern')
    await expectAccessible(page, 'dtn-identity-consent')
    // Asked in the same conversation as the NRM question, so its language and interpreter are filled in.
    expect(await page.locator('#language').inputValue()).toBe('Polish')
    await page.locator('#language').fill('')
    await page.getByRole('button', { name: 'Record their consent' }).click()
    await expect.poll(() => page.title()).toContain('Error:')
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the language the conversation was in')
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the words you used')
    await expectAccessible(page, 'dtn-identity-consent-errors')
    await page.locator('#language').fill('Polish')
    await page.locator('#wordsUsed').fill('May we give your name to the Home Office with this report?')
    await page.getByRole('button', { name: 'Record their consent' }).click()

    await expect.poll(() => page.title()).toBe('About the person – Lantern')
    expect(await page.textContent('.govuk-notification-banner')).toContain('Consent to share their identity')
    await expectAccessible(page, 'dtn-identity-person')
    await page.locator('#name').fill('Ana Nowak')
    await page.locator('#dateOfBirth-day').fill('2')
    await page.locator('#dateOfBirth-month').fill('1')
    await page.locator('#dateOfBirth-year').fill('1995')
    await choose(page, 'gender', 'female')
    await page.locator('#phone').fill('07700 900456')
    await save(page)
    await expect.poll(() => page.title()).toBe('Exploitation: type, place and time – Lantern')

    await page.goto(recordUrl)
    expect(await page.textContent('[data-qa=identity-consent]')).toMatch(/^Given on \d{1,2} \w+ \d{4}$/)
    expect(await page.textContent('[data-qa=consent-timeline]')).toContain('Consent to share identity given')
    await expectAccessible(page, 'dtn-identity-record-given')

    await page.getByRole('link', { name: 'Withdraw consent to share identity' }).click()
    await expect.poll(() => page.title()).toBe('Record that they withdrew consent to share their identity – Lantern')
    await expectAccessible(page, 'dtn-identity-withdraw')
    await page.locator('#reason').fill('Told her support worker she no longer wants to be named')
    await page.getByRole('button', { name: 'Withdraw consent and remove their details' }).click()
    await expect.poll(() => page.textContent('[data-qa=identity-consent]')).toMatch(/^Withdrawn on /)
    expect(await page.textContent('.govuk-notification-banner')).toContain('have been removed from the report')
    await expectAccessible(page, 'dtn-identity-record-withdrawn')

    await page.goto(`${recordUrl}/section/dtn-person`)
    await expect.poll(() => page.title()).toBe('About the person (no identifying details) – Lantern')
    expect(await page.locator('#name').count()).toBe(0)
    expect(await page.textContent('main')).not.toContain('Ana Nowak')
    await expectAccessible(page, 'dtn-identity-person-anonymous')
    await context.close()
  })
})
