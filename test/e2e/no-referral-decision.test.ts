import { describe, expect, it } from 'vitest'
import { DEMO } from '../support/app.js'
import { submittedEncounterWithSigns } from '../support/records.js'
import { browserAvailable, expectAccessible, newContext, signInAs, useLiveBrowser } from './support/browser.js'

const HOUR = 3_600_000

describe.runIf(browserAvailable)('a supervisor records that no referral or report is needed, on a phone', () => {
  const env = useLiveBrowser()

  it('Team actions → encounter → reason → details → check → recorded → withdrawn, every page accessible', async () => {
    const { live, browser } = env
    const enc = await submittedEncounterWithSigns(live, DEMO.response)
    live.clock.advance(25 * HOUR)
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, DEMO.supervisor)
    await page.goto(`${live.baseUrl}/team-actions?kind=refer-or-notify`)
    const row = page.locator(`tr[data-item="${enc.id}"]`)
    expect(await row.getAttribute('data-overdue')).toBe('yes')
    await row.getByRole('link').click()
    await expect.poll(() => page.title()).toBe(`Encounter ${enc.reference} – Lantern`)
    await page.getByRole('link', { name: 'Record that no referral or report is needed' }).click()
    await expect.poll(() => page.title()).toBe('Why is no referral or report needed? – Lantern')
    await expectAccessible(page, 'no-referral-reason')

    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => page.title()).toBe('Error: Why is no referral or report needed? – Lantern')
    await expectAccessible(page, 'no-referral-reason-error')
    await page.getByLabel('Another first responder has already referred or notified').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => page.title()).toBe('Explain the decision – Lantern')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => page.title()).toBe('Error: Explain the decision – Lantern')
    expect(await page.textContent('.govuk-error-summary')).toContain('Enter the organisation that referred or notified')
    await expectAccessible(page, 'no-referral-details-error')
    await page.getByLabel('Which organisation referred or notified?').fill('Kirklees Council')
    await page.getByLabel('Their referral or report reference').fill('KC/MS/2026/0142')
    await page
      .getByLabel('Why is no referral or report needed?')
      .fill('Kirklees Council referred him to the NRM yesterday with his consent; confirmed by phone with their team.')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => page.title()).toBe('Check your decision – Lantern')
    await expectAccessible(page, 'no-referral-check')
    await page.getByRole('button', { name: 'Record the decision' }).click()
    await expect.poll(() => page.title()).toBe(`Encounter ${enc.reference} – Lantern`)
    expect(await page.textContent('main')).toContain('needs no referral or report')
    expect(await page.textContent('[data-qa="actions"]')).toContain('Not needed: supervisor’s decision')
    await expectAccessible(page, 'no-referral-encounter-after')

    await page.goto(`${live.baseUrl}/team-actions?kind=refer-or-notify`)
    expect(await page.locator(`tr[data-item="${enc.id}"]`).count()).toBe(0)

    await page.goto(`${live.baseUrl}/encounters/${enc.id}/no-referral-decision`)
    await expect.poll(() => page.title()).toBe(`Decision on encounter ${enc.reference} – Lantern`)
    await expectAccessible(page, 'no-referral-record')
    await page.getByLabel('Why are you withdrawing it?').fill('Kirklees say their referral was for his brother.')
    await page.getByRole('button', { name: 'Withdraw the decision' }).click()
    await expect.poll(() => page.title()).toBe(`Encounter ${enc.reference} – Lantern`)
    expect(await page.textContent('main')).toContain('The decision was withdrawn')
    await page.goto(`${live.baseUrl}/encounters/${enc.id}/no-referral-decision?history=1`)
    expect(await page.textContent('main')).toContain('Decision withdrawn')
    await expectAccessible(page, 'no-referral-history')
    await context.close()
  })
})
