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
})
