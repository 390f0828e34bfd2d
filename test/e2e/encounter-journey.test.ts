import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO } from '../support/app.js'
import { browserAvailable, expectAccessible, newContext, signInAs, useLiveBrowser } from './support/browser.js'

describe.runIf(browserAvailable)('a response officer records an encounter on a phone', () => {
  const env = useLiveBrowser()

  const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click()

  it('walks every page at 320 px, keyboard-friendly, with zero axe violations, to an explained assessment', async () => {
    const context = await newContext(env.browser, 320)
    const page = await context.newPage()
    await signInAs(page, env.live.baseUrl, DEMO.response)
    await page.goto(`${env.live.baseUrl}/encounters`)
    await expectAccessible(page, 'encounters-list')
    await page.getByRole('button', { name: 'Record an encounter' }).click()

    await expect.poll(() => page.title()).toContain('When and where')
    await next(page)
    await expect.poll(() => page.title()).toBe('Error: When and where did you meet the person? – Lantern')
    await expectAccessible(page, 'encounter-when-error')
    await page.getByLabel('Day').fill('26')
    await page.getByLabel('Month').fill('11')
    await page.getByLabel('Year').fill('2026')
    await page.getByLabel('Time').fill('06:15')
    await page.getByLabel('Where (optional)').fill('Terraced house, Harehills')
    await next(page)

    await expectAccessible(page, 'encounter-place')
    await page.getByLabel('Cannabis grow').check()
    await next(page)
    await expectAccessible(page, 'encounter-risk')
    await page.getByLabel('No', { exact: true }).check()
    await next(page)
    await expectAccessible(page, 'encounter-role')
    await page.getByLabel('Arrested', { exact: true }).check()
    await next(page)
    await expectAccessible(page, 'encounter-age')
    await page.getByLabel('I know or can estimate their age').check()
    await page.getByLabel('Age in years, if you know or can estimate it').fill('16')
    await next(page)
    await expectAccessible(page, 'encounter-language')
    await page.getByLabel('Language (optional)').fill('Vietnamese')
    await page.getByLabel('A professional interpreter with no link to anyone with the person').check()
    await next(page)

    await expectAccessible(page, 'encounter-indicators')
    await page.getByRole('link', { name: 'Work, pay and debt' }).click()
    await expectAccessible(page, 'encounter-theme-work-and-pay')
    await page.locator('input[value="gen-debt"]').check()
    await page.locator('input[name="provenance-gen-debt"][value="disclosed"]').check()
    await expectAccessible(page, 'encounter-theme-work-and-pay-checked')
    await next(page)
    expect(await page.textContent('[data-qa=signs-total]')).toContain('1 sign recorded')
    await page.getByRole('link', { name: 'Control and freedom of movement' }).click()
    await page.locator('input[value="gen-not-free-to-leave"]').check()
    await next(page)
    await next(page)

    await expectAccessible(page, 'encounter-account')
    await page
      .getByLabel('What did the person tell you, in their own words?')
      .fill('I came in a lorry and must pay for the journey.')
    await next(page)

    await expect.poll(() => page.title()).toBe('Check your answers – Lantern')
    await expectAccessible(page, 'encounter-check')
    await page.getByRole('button', { name: 'Submit and see what to do next' }).click()

    await expect.poll(() => page.title()).toContain('Encounter ENC-')
    expect(await page.getAttribute('[data-pathway]', 'data-pathway')).toBe('nrm-child')
    const codes = await page.$$eval('[data-action-code]', (els) => els.map((e) => e.getAttribute('data-action-code')))
    expect(codes).toEqual(expect.arrayContaining(['safeguard-child', 'refer-nrm', 's45-flag']))
    expect(codes).not.toContain('notify-dtn')
    await expectAccessible(page, 'encounter-assessment')

    await page.getByRole('link', { name: 'Change type of place' }).click()
    await page.getByLabel('Farm, factory or warehouse').check()
    await page.getByLabel('Why are you changing this?').fill('Wrong place chosen at the scene')
    await page.getByRole('button', { name: 'Save change' }).click()
    await expect.poll(() => page.title()).toContain('Encounter ENC-')
    expect(await page.textContent('main')).toContain('Wrong place chosen at the scene')
    await expectAccessible(page, 'encounter-amended-history')
    await context.close()
  })

  it('shows the catalogue as a learning aid, searchable, without violations', async () => {
    const context = await newContext(env.browser, 320)
    const page = await context.newPage()
    await signInAs(page, env.live.baseUrl, DEMO.investigator)
    await page.goto(`${env.live.baseUrl}/reference/indicators`)
    await page.getByLabel('Search').fill('passport')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    expect(await page.textContent('[data-qa=catalogue-count]')).toMatch(/Showing \d+ of \d+ signs/)
    await expectAccessible(page, 'catalogue-search')
    await context.close()
  })
})
