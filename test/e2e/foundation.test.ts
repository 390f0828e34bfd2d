import { describe, expect, it } from 'vitest'
import { DEMO } from '../support/app.js'
import { browserAvailable, expectAccessible, newContext, signInAs, useLiveBrowser } from './support/browser.js'

describe.runIf(browserAvailable)('sign-in, home and error pages in Chromium', () => {
  const env = useLiveBrowser()

  it('signs in on a phone-width screen with no accessibility violations, and signs out', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${env.live.baseUrl}/sign-in`)
    await expectAccessible(page, 'sign-in')

    await page.getByLabel('Email address').fill(DEMO.response)
    await page.getByLabel('Password').fill('wrong password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.title()).toBe('Error: Sign in – Lantern')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('govuk-error-summary')
    await expectAccessible(page, 'sign-in-error')

    await signInAs(page, env.live.baseUrl, DEMO.response)
    await expect.poll(() => page.title()).toBe('Home – Lantern')
    expect(await page.textContent('[data-qa=signed-in-as]')).toContain('PC Amira Khan')
    expect(await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported'))).toBe(true)
    await expectAccessible(page, 'home-response-officer')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => page.url()).toContain('/sign-in?signed-out=1')
    expect(errors).toEqual([])
    await context.close()
  })

  it('works with the keyboard alone', async () => {
    const context = await newContext(env.browser, 1024)
    const page = await context.newPage()
    await page.goto(`${env.live.baseUrl}/sign-in`)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Skip to main content')
    await page.focus('#email')
    await page.keyboard.type(DEMO.admin)
    await page.keyboard.press('Tab')
    await page.keyboard.type('lantern-demo-2026')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.title()).toBe('Home – Lantern')
    await page.goto(`${env.live.baseUrl}/admin/audit`)
    await expectAccessible(page, 'admin-audit')
    await page.goto(`${env.live.baseUrl}/admin/users`)
    await expectAccessible(page, 'admin-users')
    await page.goto(`${env.live.baseUrl}/account/two-factor`)
    await expectAccessible(page, 'account-two-factor')
    await context.close()
  })

  it('shows GOV.UK style 403, 404, accessibility and privacy pages without violations', async () => {
    const context = await newContext(env.browser)
    const page = await context.newPage()
    await signInAs(page, env.live.baseUrl, DEMO.investigator)
    await page.goto(`${env.live.baseUrl}/admin/audit`)
    expect(await page.textContent('h1')).toContain('You do not have access to this page')
    await expectAccessible(page, 'error-403')
    await page.goto(`${env.live.baseUrl}/no-such-page`)
    expect(await page.textContent('h1')).toContain('Page not found')
    await expectAccessible(page, 'error-404')
    await page.goto(`${env.live.baseUrl}/accessibility`)
    await expectAccessible(page, 'accessibility-statement')
    await page.goto(`${env.live.baseUrl}/privacy`)
    await expectAccessible(page, 'privacy-notice')
    await context.close()
  })
})
