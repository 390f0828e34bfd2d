import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/domain/inform/languages.js'
import { DEMO } from '../support/app.js'
import { browserAvailable, expectAccessible, newContext, signInAs, useLiveBrowser } from './support/browser.js'

/** The web fonts the page declared for its script, and whether the browser actually loaded them. */
async function loadedFaces(page: Page, familyPart: string) {
  return page.evaluate(async (part) => {
    await document.fonts.ready
    return [...document.fonts].filter((f) => f.family.includes(part)).map((f) => f.status)
  }, familyPart)
}

describe.runIf(browserAvailable)('rights information in the person’s language', () => {
  const env = useLiveBrowser()

  it('passes axe on every public language page and loads the right fonts (no missing glyphs)', async () => {
    const context = await newContext(env.browser, 320)
    const page = await context.newPage()
    await page.goto(`${env.live.baseUrl}/rights`)
    await expectAccessible(page, 'rights-index')
    expect(await context.cookies()).toEqual([])
    for (const l of LANGUAGES) {
      await page.goto(`${env.live.baseUrl}/rights/${l.code}`)
      expect(await page.getAttribute('html', 'dir')).toBe(l.dir)
      await expectAccessible(page, `rights-${l.code}`)
    }
    await page.goto(`${env.live.baseUrl}/rights/nope`)
    await expectAccessible(page, 'rights-unknown-language')
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  for (const [code, family] of [
    ['ti', 'Ethiopic'],
    ['ar', 'Arabic'],
  ] as const) {
    it(`hands the phone over in ${code}: large text, nothing of the case, fonts loaded, back only with the password`, async () => {
      const context = await newContext(env.browser, 360)
      const page = await context.newPage()
      await signInAs(page, env.live.baseUrl, DEMO.response)
      await page.goto(`${env.live.baseUrl}/encounters`)
      const first = page.locator('[data-qa=encounters-table] a').first()
      const href = (await first.getAttribute('href'))?.replace(/\/check$/, '') as string
      await page.goto(`${env.live.baseUrl}${href}/information`)
      await expectAccessible(page, `information-${code}`)
      await page.locator(`input[name="language"][value="${code}"]`).check()
      await page.getByRole('button', { name: 'Hand the phone to the person' }).click()
      await expect.poll(() => page.url()).toContain('/handover')
      expect(await page.getAttribute('html', 'lang')).toBe(code)
      const text = await page.textContent('body')
      expect(text).not.toContain('ENC-')
      expect(text).not.toContain('Amira Khan')
      const faces = await loadedFaces(page, family)
      expect(faces.length, `${family} faces declared`).toBeGreaterThan(0)
      expect(faces).toContain('loaded')
      await expectAccessible(page, `handover-${code}`)
      const noVoiceOrButton = await page.evaluate(() => {
        const button = document.querySelector<HTMLElement>('[data-lantern-read-aloud]')
        const none = document.querySelector<HTMLElement>('[data-lantern-no-voice]')
        return (button && !button.hidden) || (none && !none.hidden)
      })
      expect(noVoiceOrButton, 'either a read-aloud button or a "no voice" message is shown').toBe(true)

      await page.goto(`${env.live.baseUrl}/handover/questions/1`)
      await expectAccessible(page, `handover-question-${code}`)
      await page.locator('input[name="answer"][value="yes"]').check()
      await page.locator('form button').click()
      await page.goto(`${env.live.baseUrl}/admin`)
      expect(page.url()).toContain('/handover')
      await page.goto(`${env.live.baseUrl}/handover/return`)
      await expectAccessible(page, `handover-return-${code}`)
      await page.getByLabel('Enter your Lantern password to take the phone back').fill('lantern-demo-2026')
      await page.getByRole('button', { name: 'Return to the encounter' }).click()
      await expect.poll(() => page.title()).toContain('Encounter ENC-')
      expect(await page.textContent('main')).toContain('Rights information given')
      await context.close()
    })
  }
})
