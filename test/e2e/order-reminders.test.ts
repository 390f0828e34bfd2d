import { describe, expect, it } from 'vitest'
import { DEMO } from '../support/app.js'
import { browserAvailable, expectAccessible, newContext, signInAs, useLiveBrowser } from './support/browser.js'

describe.runIf(browserAvailable)('order register reminders in the worklists, at 320 px', () => {
  const env = useLiveBrowser()

  it('Team actions filtered to order reminders → the order, with zero axe violations', async () => {
    const context = await newContext(env.browser, 320)
    const page = await context.newPage()
    await signInAs(page, env.live.baseUrl, DEMO.supervisor)
    await page.goto(`${env.live.baseUrl}/team-actions?kind=prevention-order-reminder`)
    await expect.poll(() => page.title()).toBe('Team actions – Lantern')
    await expectAccessible(page, 'team-actions-order-reminders')

    // Demo data: the STPO near expiry, and the interim order's main application and breach.
    const rows = page.locator('tbody tr[data-kind="prevention-order-reminder"]')
    expect(await rows.count()).toBeGreaterThanOrEqual(4)
    expect(await page.locator('tbody tr:not([data-kind="prevention-order-reminder"])').count()).toBe(0)
    const breach = rows.filter({ hasText: 'Record the action taken on the breach' })
    expect(await breach.getAttribute('data-overdue')).toBe('yes')
    await breach.getByRole('link').click()
    await expect.poll(() => page.title()).toMatch(/^Order ORD-/)
    await expectAccessible(page, 'order-from-team-actions')
    await context.close()
  })

  it('records what was done about a reminder on the order page, with and without an error', async () => {
    const context = await newContext(env.browser, 320)
    const page = await context.newPage()
    await signInAs(page, env.live.baseUrl, DEMO.investigator)
    await page.goto(`${env.live.baseUrl}/actions`)
    // Demo data: the STPO's 90-day expiry reminder is overdue.
    const overdue = page
      .locator('tbody tr[data-kind="prevention-order-reminder"][data-overdue="yes"]')
      .filter({ hasText: 'consider applying to renew it' })
    expect(await overdue.count()).toBe(1)
    await overdue.getByRole('link').click()
    await expect.poll(() => page.title()).toMatch(/^Order ORD-/)
    const orderUrl = page.url()

    const card = page.locator('[data-qa="open-reminder"]').filter({ hasText: 'consider applying to renew it' }).first()
    const taskId = await card.getAttribute('data-task')
    await card.getByRole('button', { name: 'Save and close the reminder' }).click()
    await expect.poll(() => page.title()).toMatch(/^Error: Order ORD-/)
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter what you did about this reminder')
    await expectAccessible(page, 'order-reminder-note-error')

    const note = 'Applied to Leeds Magistrates’ Court to renew it on 2 December 2026'
    const same = page.locator(`[data-qa="open-reminder"][data-task="${taskId}"]`)
    await same.getByLabel('Record what you did').fill(note)
    await same.getByRole('button', { name: 'Save and close the reminder' }).click()
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('Reminder closed')
    expect(page.url()).toBe(orderUrl)
    expect(await page.locator(`[data-qa="open-reminder"][data-task="${taskId}"]`).count()).toBe(0)
    expect(await page.locator('[data-qa="reminder-history"]').textContent()).toContain(`What was done: ${note}`)
    await expectAccessible(page, 'order-reminder-note-recorded')

    await page.goto(`${env.live.baseUrl}/actions`)
    expect(await overdue.count()).toBe(0)
    await context.close()
  })
})
