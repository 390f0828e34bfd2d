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

const RATIONALE =
  'Financial enquiries, the phone downloads and the premises search are complete; no further line of enquiry would change the outcome of this case.'

describe.runIf(browserAvailable)('an investigation from opening to reopening, at 320 px', () => {
  let live: LiveApp
  let browser: Browser
  beforeAll(async () => {
    live = await startLiveApp()
    browser = await launchBrowser()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await live?.close()
  })

  async function as(email: string): Promise<Page> {
    const context = await newContext(browser, 320)
    const page = await context.newPage()
    await signInAs(page, live.baseUrl, email)
    return page
  }
  const statusOf = (page: Page) => page.getAttribute('[data-status]', 'data-status')

  it('open → review → attempt early closure → held → approved → reopened, with zero axe violations', async () => {
    const investigator = await as(DEMO.investigator)
    await investigator.goto(`${live.baseUrl}/investigations`)
    await expectAccessible(investigator, 'investigations-list')
    await investigator.getByRole('button', { name: 'Open an investigation' }).click()
    await expect.poll(() => investigator.title()).toBe('Open an investigation – Lantern')
    await investigator.getByRole('button', { name: 'Open the investigation' }).click()
    await expect.poll(() => investigator.title()).toBe('Error: Open an investigation – Lantern')
    await expectAccessible(investigator, 'investigation-open-error')
    await investigator.getByLabel('Name of the investigation').fill('Operation Wren')
    await investigator.getByLabel('None of these: open it directly').check()
    await investigator.getByRole('button', { name: 'Open the investigation' }).click()
    await expect.poll(() => investigator.title()).toMatch(/^Investigation INV-\d\d-[A-Z0-9]+ – Lantern$/)
    const url = investigator.url()
    expect(await statusOf(investigator)).toBe('open')
    await expectAccessible(investigator, 'investigation-opened')

    // Supervisor: the review appears in "Reviews due"; record it.
    const supervisor = await as(DEMO.supervisor)
    await supervisor.goto(`${live.baseUrl}/investigations/reviews-due`)
    expect(await supervisor.textContent('main')).toContain('Operation Wren')
    await expectAccessible(supervisor, 'investigations-reviews-due')
    await supervisor.goto(url)
    await supervisor.getByRole('button', { name: 'Record a supervisory review' }).click()
    await expectAccessible(supervisor, 'investigation-review')
    await supervisor.getByLabel('Rationale').fill('Plan agreed. The victim is safe and supported.')
    await supervisor.getByLabel('Directions (optional)').fill('Apply for the phone data')
    await supervisor.getByRole('button', { name: 'Record the review' }).click()
    await expect.poll(() => supervisor.title()).toMatch(/^Investigation INV-/)
    expect(await supervisor.textContent('[data-qa=timeline]')).toContain('Supervisory review')

    // Investigator: closing is refused until the prevention order decision is recorded.
    await investigator.goto(`${url}/closure`)
    await expectAccessible(investigator, 'investigation-closure-request')
    await investigator.getByLabel('No further action: not enough evidence').check()
    await investigator.getByLabel('Rationale').fill(RATIONALE)
    await investigator.getByLabel('Engaged with the investigation').check()
    await investigator.getByRole('button', { name: 'Ask a supervisor to close it' }).click()
    await expect.poll(() => investigator.title()).toBe('Error: Request closure – Lantern')
    expect(await investigator.textContent('.govuk-error-summary')).toContain(
      'Record whether a Slavery and Trafficking Prevention Order or Risk Order was considered at closure',
    )
    await expectAccessible(investigator, 'investigation-closure-refused')
    await investigator.goto(`${url}/orders-considered`)
    await expectAccessible(investigator, 'investigation-orders-considered')
    await investigator.getByLabel('At closure').check()
    await investigator.getByLabel('Not appropriate').check()
    await investigator.getByLabel('Why').fill('No suspect identified to apply against')
    await investigator.getByRole('button', { name: 'Record the decision' }).click()
    await investigator.goto(`${url}/closure`)
    await investigator.getByLabel('No further action: not enough evidence').check()
    await investigator.getByLabel('Rationale').fill(RATIONALE)
    await investigator.getByLabel('Engaged with the investigation').check()
    await investigator.getByRole('button', { name: 'Ask a supervisor to close it' }).click()
    await expect.poll(() => investigator.title()).toMatch(/^Investigation INV-/)
    expect(await statusOf(investigator)).toBe('closure-requested')
    await expectAccessible(investigator, 'investigation-closure-requested')

    // Supervisor signs off; the early-closure guard holds it for the force lead.
    await supervisor.goto(url)
    await supervisor.getByRole('button', { name: 'Decide on the closure' }).click()
    await expectAccessible(supervisor, 'investigation-closure-decision')
    await supervisor.getByLabel('Approve the closure').check()
    await supervisor.getByLabel('Your rationale').fill('Agreed: nothing further can be done.')
    await supervisor.getByRole('button', { name: 'Record the decision' }).click()
    await expect.poll(() => statusOf(supervisor)).toBe('closure-held-for-second-review')
    expect(await supervisor.textContent('[data-qa=closure-held]')).toContain('within 28 days')
    await expectAccessible(supervisor, 'investigation-closure-held')

    // The force lead approves on second-level review.
    const lead = await as(DEMO.lead)
    await lead.goto(`${live.baseUrl}/investigations?held=yes`)
    expect(await lead.textContent('[data-qa=investigations-table]')).toContain('Operation Wren')
    await expectAccessible(lead, 'investigations-list-held')
    await lead.goto(url)
    await lead.getByRole('button', { name: 'Give the second-level review' }).click()
    await expectAccessible(lead, 'investigation-second-review')
    await lead.getByLabel('Approve the closure').check()
    await lead.getByLabel('Your rationale').fill('Every line of enquiry is exhausted; reopen if the victim returns.')
    await lead.getByRole('button', { name: 'Record the second-level review' }).click()
    await expect.poll(() => statusOf(lead)).toBe('closed')
    await expectAccessible(lead, 'investigation-closed')

    // Reopened, with the reason on the timeline.
    await investigator.goto(url)
    await investigator.getByRole('button', { name: 'Reopen the investigation' }).click()
    await expectAccessible(investigator, 'investigation-reopen')
    await investigator.getByLabel('Why are you reopening the investigation?').fill('The victim has come back to us.')
    await investigator.getByRole('button', { name: 'Reopen' }).click()
    await expect.poll(() => statusOf(investigator)).toBe('reopened')
    const timeline = await investigator.textContent('[data-qa=timeline]')
    for (const step of ['Opened', 'Supervisory review', 'Closure requested', 'Closure held', 'Closed', 'Reopened']) {
      expect(timeline).toContain(step)
    }
    await expectAccessible(investigator, 'investigation-reopened')
  })

  it('every other investigation, order, custody and s45 page passes axe at 320 px', async () => {
    const investigator = await as(DEMO.investigator)
    // Demo: Operation Kestrel has linked records, a plan, actions and evidence.
    await investigator.goto(`${live.baseUrl}/investigations`)
    await investigator.locator('tr', { hasText: 'Operation Kestrel' }).getByRole('link').click()
    await expect.poll(() => investigator.title()).toMatch(/^Investigation INV-/)
    const base = investigator.url()
    await investigator.goto(base)
    await expectAccessible(investigator, 'investigation-show')
    for (const [path, name] of [
      ['/types', 'investigation-types'],
      ['/officer', 'investigation-officer'],
      ['/people', 'investigation-people'],
      ['/people/add', 'investigation-people-add'],
      ['/people/add/phone', 'investigation-people-add-phone'],
      ['/plan', 'investigation-plan'],
      ['/actions', 'investigation-actions'],
      ['/evidence', 'investigation-evidence'],
      ['/evidence/financial', 'investigation-evidence-financial'],
      ['/victim-contact', 'investigation-victim-contact'],
      ['/outcomes', 'investigation-outcomes'],
      ['/outcomes/charge', 'investigation-outcome-charge'],
      ['/reviews', 'investigation-reviews'],
    ] as const) {
      await investigator.goto(`${base}${path}`)
      await expectAccessible(investigator, name)
    }
    await investigator.goto(`${base}/people`)
    await investigator.getByRole('link', { name: 'Tran Van Duc' }).click()
    await expectAccessible(investigator, 'investigation-person')
    await investigator.goto(`${base}/people/add/phone`)
    await investigator.getByLabel('Phone number').fill('07700 900456')
    await investigator.getByLabel('Used by a suspect').check()
    await investigator.getByRole('button', { name: 'Add' }).click()
    await expect.poll(() => investigator.title()).toBe('Error: Add a phone number – Lantern')
    await expectAccessible(investigator, 'investigation-people-add-phone-check')

    await investigator.goto(`${live.baseUrl}/investigations/orders`)
    await expectAccessible(investigator, 'orders-register')
    await investigator.getByRole('link', { name: /^ORD-/ }).first().click()
    await expectAccessible(investigator, 'order')
    await investigator.goto(`${live.baseUrl}/investigations/orders/new`)
    await investigator.getByRole('button', { name: 'Add the order' }).click()
    await expectAccessible(investigator, 'order-new-error')

    const custody = await as(DEMO.custody)
    await custody.goto(`${live.baseUrl}/custody`)
    await expectAccessible(custody, 'custody-list')
    await custody
      .getByRole('link', { name: /^Encounter ENC-/ })
      .first()
      .click()
    await expectAccessible(custody, 'custody-person')
    await custody.getByRole('button', { name: 'Prepare a note for the CPS file' }).click()
    await custody.getByLabel('Custody record reference').fill('WY/2611/0042')
    await custody.getByLabel('Offences').fill('Misuse of Drugs Act 1971 s4(2)\nmurdr')
    await custody.getByLabel('Not yet referred').check()
    await custody.getByRole('button', { name: 'Prepare the note' }).click()
    await expect.poll(() => custody.title()).toBe('Error: Prepare a note for the CPS file – Lantern')
    await expectAccessible(custody, 'custody-note-error')
    await custody.getByLabel('Offences').fill('Misuse of Drugs Act 1971 s4(2)')
    await custody.getByRole('button', { name: 'Prepare the note' }).click()
    await expect.poll(() => custody.title()).toMatch(/^Note for the CPS file/)
    expect(await custody.textContent('[data-qa=cps-note]')).toContain('AVAILABLE IN PRINCIPLE')
    await expectAccessible(custody, 'custody-note')

    await custody.goto(`${live.baseUrl}/s45`)
    await expectAccessible(custody, 's45')
    await custody.getByLabel('Age when they did the act').fill('17')
    await custody.getByLabel('Offence').fill('Misuse of Drugs Act 1971 s4(2)')
    await custody.getByRole('button', { name: 'Check the defence' }).click()
    expect(await custody.getAttribute('[data-qa=result]', 'data-available')).toBe('true')
    await expectAccessible(custody, 's45-available')
    await custody.goto(`${live.baseUrl}/s45?age=22&offence=Theft+Act+1968+s8`)
    await expectAccessible(custody, 's45-excluded')
    await custody.goto(`${live.baseUrl}/s45?age=seventeen&offence=murdr`)
    await expectAccessible(custody, 's45-error')

    const admin = await as(DEMO.admin)
    await admin.goto(`${live.baseUrl}/investigations/settings`)
    await expectAccessible(admin, 'investigation-settings')
  })
})
