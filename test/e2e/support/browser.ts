import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../../support/app.js'
import { inCi } from '../../support/databases.js'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Outside CI, a machine without Debian's chromium skips the browser tests with this message; CI fails instead. */
export const browserAvailable = existsSync(chromiumPath)
if (!browserAvailable) {
  const msg = `Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install chromium) to run browser tests`
  if (inCi) throw new Error(msg)
  console.warn(`${msg}; skipping browser tests`)
}

export const screenshotDir = join(process.cwd(), 'test-results', 'screenshots')

export type LiveApp = TestApp & { baseUrl: string }

export async function startLiveApp(opts: Parameters<typeof startTestApp>[1] = {}): Promise<LiveApp> {
  const t = await startTestApp('pglite', opts)
  await t.app.listen({ port: 0, host: '127.0.0.1' })
  const address = t.app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { ...t, baseUrl: `http://127.0.0.1:${port}` }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone-sized context: response officers use Lantern on a phone (320 CSS pixels is the narrowest). */
export async function newContext(browser: Browser, width = 320): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 800 }, timezoneId: 'Europe/London', locale: 'en-GB' })
}

export async function expectAccessible(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true })
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const violations = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(violations, `axe violations on ${name}`).toEqual([])
  // Nothing may overflow sideways at phone width (WCAG 1.4.10 reflow).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0)
}

export async function signInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * One live app and one browser for a describe block: registers beforeAll/afterAll and returns
 * getters, so each journey file starts with a single line.
 */
export function useLiveBrowser(opts: Parameters<typeof startTestApp>[1] = {}) {
  let live: LiveApp | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    live = await startLiveApp(opts)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await live?.close()
  })
  return {
    get live(): LiveApp {
      if (!live) throw new Error('the live app is not started yet')
      return live
    },
    get browser(): Browser {
      if (!browser) throw new Error('the browser is not started yet')
      return browser
    },
  }
}
