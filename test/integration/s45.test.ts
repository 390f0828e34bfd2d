import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()
const run = promisify(execFile)

async function lantern(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/lantern.mjs', ...args], { timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

// The published cases (indicators.md §6) and a table of excluded and non-excluded offences: age, offence,
// available, limb, the Schedule 4 row (or null) and its confidence label.
const CASES: [string, number, string, boolean, 'adult' | 'under-18' | null, string | null][] = [
  ['THN: 17, producing cannabis', 17, 'Misuse of Drugs Act 1971 s4(2)', true, 'under-18', null],
  ['V.C.L. and A.N.: minors in a cannabis factory', 16, 'production of cannabis', true, 'under-18', null],
  ['MK: conspiracy to supply Class A', 25, 'conspiracy to supply Class A', true, 'adult', null],
  ['MK: false identity document', 25, 'Identity Documents Act 2010 s4', true, 'adult', null],
  [
    'Gega: false identity document',
    30,
    'possession of a false identity document with improper intention',
    true,
    'adult',
    null,
  ],
  ['murder', 19, 'murder', false, null, 'common-law-murder'],
  ['manslaughter', 16, 'manslaughter', false, null, 'common-law-manslaughter'],
  ['kidnapping', 30, 'kidnapping', false, null, 'common-law-kidnapping'],
  ['false imprisonment', 30, 'false imprisonment', false, null, 'common-law-false-imprisonment'],
  [
    'perverting the course of justice',
    22,
    'perverting the course of justice',
    false,
    null,
    'common-law-perverting-the-course-of-justice',
  ],
  ['robbery', 22, 'Theft Act 1968 s8', false, null, 'theft-act-1968-s8'],
  ['attempted murder (ancillary)', 17, 'attempted murder', false, null, 'common-law-murder'],
  [
    'GBH with intent',
    28,
    'Offences against the Person Act 1861 s18',
    false,
    null,
    'offences-against-the-person-act-1861-s18',
  ],
  ['theft is not excluded', 15, 'Theft Act 1968 s1', true, 'under-18', null],
  ['simple possession is not excluded', 40, 'Misuse of Drugs Act 1971 s5(2)', true, 'adult', null],
]

describe.each(kinds)('the s45 assistant page on %s', (kind) => {
  let t: TestApp
  let c: Client
  beforeAll(async () => {
    t = await startTestApp(kind)
    c = await signIn(t.app, DEMO.response)
  }, 120_000)
  afterAll(async () => {
    await t?.close()
  })

  it('asks for the age and the offence', async () => {
    const page = await c.get('/s45')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Age when they did the act')
    expect(page.body).toContain('name="offence"')
    expect(page.body).not.toContain('data-qa="result"')
  })

  it.each(CASES)('%s', async (_name, age, offence, available, limb, excludedBy) => {
    const res = await c.get(`/s45?${new URLSearchParams({ age: String(age), offence })}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(`data-available="${available}"`)
    if (limb) expect(res.body).toContain(`data-limb="${limb}"`)
    else expect(res.body).not.toContain('data-limb=')
    if (excludedBy) {
      expect(res.body).toContain('Not available: excluded by Schedule 4')
      expect(res.body).toContain('data-qa="excluded-by"')
      expect(res.body).toContain('Even though s45 is not available')
      expect(res.body).not.toContain('data-qa="elements"')
    } else {
      expect(res.body).toContain('data-qa="elements"')
      expect(res.body).toContain('What must be shown, and the evidence to gather')
    }
    // Every result: the evidential burden and what still applies.
    expect(res.body).toContain('R v MK; R v Gega [2018] EWCA Crim 667')
    expect(res.body).toContain('only an evidential burden')
    expect(res.body).toMatch(/Identification:[\s\S]*Referral:[\s\S]*Public interest:/)
  })

  it('shows the confidence label of the excluding row', async () => {
    const robbery = await c.get('/s45?age=22&offence=Theft+Act+1968+s8')
    expect(robbery.body).toMatch(
      /data-qa="excluded-by">Theft Act 1968 s8: robbery or assault with intent to rob \(Schedule 4 para 14\)<\/span> <strong class="govuk-tag govuk-tag--yellow">PARTLY CONFIRMED<\/strong>/,
    )
    const murder = await c.get('/s45?age=22&offence=murder')
    expect(murder.body).toContain('Common-law offence: murder')
    expect(murder.body).toMatch(/govuk-tag--green">CONFIRMED</)
    const child = await c.get('/s45?age=17&offence=Misuse+of+Drugs+Act+1971+s4(2)')
    expect(child.body).toContain('Under-18 limb, s45(4)')
    expect(child.body).toContain('s45(4)(b)')
  })

  it('refuses an age that is not a number and an unknown offence, with a GOV.UK error summary and close matches', async () => {
    const res = await c.get('/s45?age=seventeen&offence=murdr')
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('<title>Error: Section 45 defence – Lantern</title>')
    expect(res.body).toContain('govuk-error-summary')
    expect(res.body).toContain(
      '<a href="#age">The age must be a number of whole years, for example 17; &quot;seventeen&quot; is not a number.</a>',
    )
    expect(res.body).toMatch(/<a href="#offence">Lantern cannot identify the offence &quot;murdr&quot;/)
    expect(res.body).toContain('data-qa="suggestions"')
    expect(res.body).toContain('href="/s45?age=seventeen&amp;offence=murder"')
    expect(res.body).not.toContain('data-qa="result"')
    const empty = await c.get('/s45?age=&offence=')
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Enter the person’s age when they did the act, in whole years.')
    expect(empty.body).toContain('Enter the offence')
    const fraction = await c.get('/s45?age=17.5&offence=murder')
    expect(fraction.body).toContain('The age must be in whole years')
  })

  it('before 31 July 2015 the defence does not apply', async () => {
    const res = await c.get('/s45?age=20&offence=production+of+cannabis&date-day=1&date-month=6&date-year=2015')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Section 45 does not apply')
    expect(res.body).toContain('before s45 came into force on 31 July 2015')
  })

  it('is open to every signed-in role but not to the public', async () => {
    const inspector = await signIn(t.app, DEMO.inspector)
    expect((await inspector.get('/s45')).statusCode).toBe(200)
    const anonymous = await t.app.inject({ method: 'GET', url: '/s45' })
    expect(anonymous.statusCode).toBe(302)
  })
})

describe('lantern s45', () => {
  it.each(CASES)('%s', async (_name, age, offence, available, limb, excludedBy) => {
    const res = await lantern(['s45', '--age', String(age), '--offence', offence])
    expect(res.code, res.stderr).toBe(0)
    const json = JSON.parse(res.stdout) as {
      available: boolean
      limb: string | null
      excludedBy: { id: string; confidence: string } | null
      elements: { id: string; evidenceToGather: string[] }[]
    }
    expect(json.available).toBe(available)
    expect(json.limb).toBe(limb)
    expect(json.excludedBy?.id ?? null).toBe(excludedBy)
    expect(Array.isArray(json.elements)).toBe(true)
    expect(json.elements.length).toBe(limb === 'adult' ? 4 : limb === 'under-18' ? 3 : 0)
    if (excludedBy) expect(json.excludedBy?.confidence).toMatch(/CONFIRMED|UNCONFIRMED|SECONDARY/)
  })

  it('an unknown offence is an error listing close matches (exit 2), never a silent "available"', async () => {
    const res = await lantern(['s45', '--age', '17', '--offence', 'Theft Act 1968 s99'])
    expect(res.code).toBe(2)
    expect(res.stdout).toBe('')
    expect(res.stderr.trim().split('\n')).toHaveLength(1)
    expect(res.stderr).toContain('Lantern knows the Theft Act 1968 but not s99')
    const typo = await lantern(['s45', '--age', '17', '--offence', 'kidnaping'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('Did you mean: kidnapping')
  })

  it('an age that is not a number is an error (exit 2)', async () => {
    const res = await lantern(['s45', '--age', 'x', '--offence', 'murder'])
    expect(res.code).toBe(2)
    expect(res.stderr).toBe(
      'lantern s45: The age must be a number of whole years, for example 17; "x" is not a number.\n',
    )
    const missing = await lantern(['s45', '--offence', 'murder'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Give the age at the time of the act: --age N')
  })

  it('is listed in lantern --help', async () => {
    const help = await lantern(['--help'])
    expect(help.stdout).toMatch(/ {2}s45 +Whether the s45 defence is available/)
  })
})
