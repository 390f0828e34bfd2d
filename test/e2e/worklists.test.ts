import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

describe.runIf(browserAvailable)('worklists, crime recording and cancellation on a phone', () => {
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

  const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click()

  it('My actions → record a crime → ask to cancel → Team actions → a supervisor approves, every page accessible', async () => {
    const officerContext = await newContext(browser, 320)
    const page = await officerContext.newPage()
    await signInAs(page, live.baseUrl, DEMO.response)
    // At 320 px the navigation folds behind its Menu button; Actions is its first item.
    await page.getByRole('button', { name: 'Menu' }).click()
    const firstNav = page.locator('.govuk-service-navigation__link').first()
    expect(await firstNav.textContent()).toContain('Actions')
    await firstNav.click()
    await expect.poll(() => page.title()).toBe('My actions – Lantern')
    await expectAccessible(page, 'worklists-my-actions')

    // The demo data has a crime to record that is already overdue: it comes first.
    const firstRow = page.locator('[data-qa="my-actions"] tbody tr').first()
    expect(await firstRow.getAttribute('data-overdue')).toBe('yes')
    await firstRow.getByRole('link').click()
    await expect.poll(() => page.title()).toBe('Crime to record – Lantern')
    await expectAccessible(page, 'crime-show-open')
    expect(await page.textContent('main')).toContain('24 hours (default; the source is unconfirmed)')
    const crimeUrl = page.url()

    await page.getByRole('button', { name: 'Record the crime' }).click()
    await expect.poll(() => page.title()).toBe('Record the crime – Lantern')
    await expectAccessible(page, 'crime-record')
    await page.getByLabel('Crime reference').fill('')
    await next(page)
    await expect.poll(() => page.title()).toBe('Error: Record the crime – Lantern')
    await expectAccessible(page, 'crime-record-error')
    await page.getByLabel('Crime reference').fill('13/77001/26')
    await page.getByLabel('106: Modern slavery').check()
    await next(page)
    await expect.poll(() => page.title()).toBe('Check the crime record before you save it – Lantern')
    await expectAccessible(page, 'crime-record-check')
    await page.getByRole('button', { name: 'Save the crime record' }).click()
    await expect.poll(() => page.url()).toBe(crimeUrl)
    expect(await page.textContent('main')).toContain('Crime reference 13/77001/26 saved')
    await expectAccessible(page, 'crime-show-recorded')

    await page.getByRole('link', { name: 'Ask to cancel the crime record' }).click()
    await expect.poll(() => page.title()).toBe('Ask to cancel the crime record – Lantern')
    await expectAccessible(page, 'crime-cancel')
    await page.getByLabel('A negative NRM decision (Reasonable or Conclusive Grounds)').check()
    await page.getByLabel('Describe the information and how it was verified').fill('The RG decision was negative')
    await page.getByLabel('What does it show?').fill('The Home Office decided he is not a victim.')
    await next(page)
    await expect.poll(() => page.title()).toBe('Error: Ask to cancel the crime record – Lantern')
    expect(await page.textContent('.govuk-error-summary')).toContain(
      'A negative NRM decision is not Additional Verifiable Information',
    )
    await expectAccessible(page, 'crime-cancel-error')
    await page.getByLabel('An official record (for example payroll, HMRC or immigration records)').check()
    await page.getByLabel('Describe the information and how it was verified').fill('Payroll records checked with HMRC')
    await page.getByLabel('What does it show?').fill('He was employed lawfully, paid in full and free to leave.')
    await next(page)
    await expect.poll(() => page.title()).toBe('Check your cancellation request – Lantern')
    await expectAccessible(page, 'crime-cancel-check')
    await page.getByRole('button', { name: 'Send the request' }).click()
    await expect.poll(() => page.url()).toBe(crimeUrl)
    await expectAccessible(page, 'crime-show-cancellation-requested')
    await officerContext.close()

    const supervisorContext = await newContext(browser, 320)
    const sup = await supervisorContext.newPage()
    await signInAs(sup, live.baseUrl, DEMO.supervisor)
    await sup.goto(`${live.baseUrl}/team-actions`)
    await expect.poll(() => sup.title()).toBe('Team actions – Lantern')
    await expectAccessible(sup, 'worklists-team-actions')
    await sup.getByLabel('Overdue only').check()
    await sup.getByRole('button', { name: 'Apply filters' }).click()
    await expect.poll(() => sup.url()).toContain('overdue=yes')
    await expectAccessible(sup, 'worklists-team-actions-filtered')
    const rows = await sup
      .locator('[data-qa="team-actions"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-overdue')))
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((o) => o === 'yes')).toBe(true)

    await sup.getByRole('link', { name: 'Crime reference 13/77001/26' }).click()
    await expect.poll(() => sup.title()).toBe('Decide on the cancellation – Lantern')
    await expectAccessible(sup, 'crime-decision')
    await sup.getByRole('button', { name: 'Save the decision' }).click()
    await expect.poll(() => sup.title()).toBe('Error: Decide on the cancellation – Lantern')
    await expectAccessible(sup, 'crime-decision-error')
    await sup.getByLabel('Yes: approve the cancellation').check()
    await sup.getByRole('button', { name: 'Save the decision' }).click()
    await expect.poll(() => sup.url()).toBe(crimeUrl)
    expect(await sup.textContent('[data-qa="crime-status"]')).toContain('Cancelled')
    await expectAccessible(sup, 'crime-show-cancelled')
    await supervisorContext.close()
  })

  it('logs a referral received from another organisation, one question per page', async () => {
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, DEMO.investigator)
    await page.goto(`${live.baseUrl}/crime/received`)
    await expectAccessible(page, 'crime-received-list')
    await page.getByRole('button', { name: 'Log a referral or report received' }).click()
    await expect.poll(() => page.title()).toBe('What did you receive? – Lantern')
    await next(page)
    await expect.poll(() => page.title()).toBe('Error: What did you receive? – Lantern')
    await expectAccessible(page, 'crime-received-kind-error')
    await page.getByLabel('A Duty to Notify report').check()
    await next(page)
    await expectAccessible(page, 'crime-received-sender')
    await page.getByLabel('First responder organisation').fill('Hope for Justice')
    await next(page)
    await expectAccessible(page, 'crime-received-when')
    await page.getByLabel('Day').fill('27')
    await page.getByLabel('Month').fill('11')
    await page.getByLabel('Year').fill('2026')
    await page.getByLabel('Time').fill('08:30')
    await next(page)
    await expectAccessible(page, 'crime-received-where')
    await page.getByLabel('In the UK', { exact: true }).check()
    await page.getByLabel('Police force area where it happened in the UK').selectOption('west-yorkshire')
    await next(page)
    await expect.poll(() => page.title()).toBe('Check what you received before you log it – Lantern')
    await expectAccessible(page, 'crime-received-check')
    await page.getByRole('button', { name: 'Log it' }).click()
    await expect.poll(() => page.title()).toBe('Crime to record – Lantern')
    expect(await page.textContent('main')).toContain('Hope for Justice')
    expect(await page.textContent('main')).toContain('Duty to Notify report received')
    await expectAccessible(page, 'crime-show-received')
    await context.close()
  })

  it('shows a force administrator the crime-recording time limit', async () => {
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, DEMO.admin)
    await page.goto(`${live.baseUrl}/crime/settings`)
    await expect.poll(() => page.title()).toBe('Crime-recording time limit – Lantern')
    expect(await page.textContent('[data-qa="current-limit"]')).toBe('24 hours (default; the source is unconfirmed)')
    await expectAccessible(page, 'crime-settings')
    await context.close()
  })
})
