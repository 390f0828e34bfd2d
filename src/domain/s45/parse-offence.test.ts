import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OFFENCE_NAMES } from './offence-names.js'
import { knownOffenceCitations, parseOffence } from './parse-offence.js'

function resolved(input: string) {
  const result = parseOffence(input)
  if (!result.ok) throw new Error(`expected "${input}" to parse: ${result.error.message}`)
  return result.offence
}

function failed(input: string) {
  const result = parseOffence(input)
  if (result.ok) throw new Error(`expected "${input}" to fail, got ${result.offence.citation}`)
  return result.error
}

describe('parseOffence: citations and names', () => {
  it.each([
    ['Theft Act 1968 s8', 'Theft Act 1968 s8', 'schedule-4'],
    ['theft act 1968 s.8', 'Theft Act 1968 s8', 'schedule-4'],
    ['Theft Act 1968, section 8', 'Theft Act 1968 s8', 'schedule-4'],
    [
      'section 18 of the Offences against the Person Act 1861',
      'Offences against the Person Act 1861 s18',
      'schedule-4',
    ],
    ['OAPA 1861 s18', 'Offences against the Person Act 1861 s18', 'schedule-4'],
    ['Misuse of Drugs Act 1971 s4(2)', 'Misuse of Drugs Act 1971 s4(2)', 'not-on-schedule-4'],
    ['Misuse of Drugs Act 1971 (c. 38) s4(3)(b)', 'Misuse of Drugs Act 1971 s4(3)(b)', 'not-on-schedule-4'],
    ['MDA 1971 s4(2)(a)', 'Misuse of Drugs Act 1971 s4(2)(a)', 'not-on-schedule-4'],
    ['Identity Documents Act 2010 s4', 'Identity Documents Act 2010 s4', 'not-on-schedule-4'],
    ['Immigration Act 1971 s25', 'Immigration Act 1971 s25', 'schedule-4'],
    ['Immigration Act 1971 s25A', 'Immigration Act 1971 s25A', 'not-on-schedule-4'],
    ['Sexual Offences Act 2003 s1(1)', 'Sexual Offences Act 2003 s1(1)', 'schedule-4'],
    ['Firearms Act 1968 s17(2)', 'Firearms Act 1968 s17(2)', 'schedule-4'],
    ['MURDER', 'murder', 'schedule-4'],
    ['Perverting the course of justice', 'perverting the course of justice', 'schedule-4'],
    ['perverting the course of public justice', 'perverting the course of justice', 'schedule-4'],
    ['kidnap', 'kidnapping', 'schedule-4'],
    ['False Imprisonment', 'false imprisonment', 'schedule-4'],
    ['piracy', 'piracy', 'schedule-4'],
    ['robbery', 'Theft Act 1968 s8', 'schedule-4'],
    ['production of cannabis', 'Misuse of Drugs Act 1971 s4(2)', 'not-on-schedule-4'],
    ['being concerned in the production of a controlled drug', 'Misuse of Drugs Act 1971 s4(2)', 'not-on-schedule-4'],
    ['possession with intent to supply', 'Misuse of Drugs Act 1971 s5(3)', 'not-on-schedule-4'],
    ['assisting unlawful immigration', 'Immigration Act 1971 s25', 'schedule-4'],
  ])('"%s" → %s (%s)', (input, citation, list) => {
    const offence = resolved(input)
    expect(offence.citation).toBe(citation)
    expect(offence.match.list).toBe(list)
    expect(offence.ancillary).toBeNull()
  })

  it('reads the qualified Schedule 4 rows only from the words or subsection that show them', () => {
    expect(resolved('Theft Act 1968 s9').match.entry.id).toBe('not-listed-theft-act-1968-s9')
    expect(resolved('Theft Act 1968 s9 with intent to steal').match.list).toBe('not-on-schedule-4')
    expect(resolved('Theft Act 1968 s9 with intent to inflict GBH').match.entry.id).toBe(
      'theft-act-1968-s9-with-intent-gbh-or-damage',
    )
    expect(resolved('burglary with intent to do unlawful damage').match.list).toBe('schedule-4')
    expect(resolved('Theft Act 1968 s12A').match.list).toBe('not-on-schedule-4')
    expect(resolved('Theft Act 1968 s12A causing death').match.entry.id).toBe('theft-act-1968-s12a-causing-death')
    expect(resolved('Criminal Damage Act 1971 s1').match.entry.id).toBe('not-listed-criminal-damage-act-1971-s1-1')
    expect(resolved('Criminal Damage Act 1971 s1(1)').match.list).toBe('not-on-schedule-4')
    expect(resolved('Criminal Damage Act 1971 s1(2)').match.entry.id).toBe('criminal-damage-act-1971-s1-2')
    expect(resolved('Criminal Damage Act 1971 s1(3)').match.entry.id).toBe('criminal-damage-act-1971-s1-arson')
    expect(resolved('arson').match.entry.id).toBe('criminal-damage-act-1971-s1-arson')
    expect(resolved('CEMA 1979 s170 cocaine').match.list).toBe('not-on-schedule-4')
    expect(resolved('CEMA 1979 s170 firearms').match.list).toBe('schedule-4')
  })

  it.each([
    ['attempted murder', 'attempt', 'murder'],
    ['Attempt to commit murder', 'attempt', 'murder'],
    ['conspiracy to rob', 'conspiracy', 'Theft Act 1968 s8'],
    ['conspiracy to supply Class A', 'conspiracy', 'Misuse of Drugs Act 1971 s4(3)'],
    ['conspiracy to commit an offence under Theft Act 1968 s8', 'conspiracy', 'Theft Act 1968 s8'],
    ['aiding and abetting manslaughter', 'secondary-participation', 'manslaughter'],
    ['aiding, abetting, counselling or procuring murder', 'secondary-participation', 'murder'],
    ['encouraging or assisting robbery', 'encouraging-or-assisting', 'Theft Act 1968 s8'],
    ['attempted theft', 'attempt', 'Theft Act 1968 s1'],
  ])('"%s" is the %s form of %s', (input, ancillary, citation) => {
    const offence = resolved(input)
    expect(offence.ancillary).toBe(ancillary)
    expect(offence.citation).toBe(citation)
  })

  it('does not read "Theft Act s8" (no year) as the name "theft"', () => {
    const error = failed('Theft Act s8')
    expect(error.code).toBe('offence-unknown')
    expect(error.suggestions[0]).toBe('Theft Act 1968 s8')
  })
})

describe('parseOffence: offences Lantern cannot identify', () => {
  it('refuses an empty offence', () => {
    expect(failed('   ').code).toBe('offence-missing')
  })

  it('suggests the nearest offences for a mistyped one', () => {
    expect(failed('Theft Act 1986 s8').suggestions[0]).toBe('Theft Act 1968 s8')
    expect(failed('murdr').suggestions[0]).toBe('murder')
    expect(failed('robery').suggestions).toContain('robbery')
    expect(failed('Misuse of Drug Act 1971 s4').suggestions[0]).toBe('Misuse of Drugs Act 1971 s4')
    expect(failed('Offences Against Persons Act 1861 s18').suggestions[0]).toBe(
      'Offences against the Person Act 1861 s18',
    )
  })

  it('keeps the ancillary prefix in its suggestions', () => {
    const error = failed('conspiracy to murdr')
    expect(error.code).toBe('offence-unknown')
    expect(error.suggestions[0]).toBe('conspiracy to murder')
    expect(parseOffence(error.suggestions[0] ?? '').ok).toBe(true)
  })

  it('says so when an Act it does not hold is given, and never guesses', () => {
    const error = failed('Dangerous Dogs Act 1991 s3')
    expect(error.code).toBe('offence-unknown')
    expect(error.message).toContain('cannot identify')
    expect(failed('Computer Misuse Act 1990 s1').code).toBe('offence-unknown')
  })

  it('names the Act it knows when the section is not one it holds', () => {
    const error = failed('Sexual Offences Act 2003 s52')
    expect(error.code).toBe('offence-section-unknown')
    expect(error.message).toContain('Sexual Offences Act 2003')
    expect(error.suggestions.length).toBeGreaterThan(0)
    expect(failed('Crime and Disorder Act 1998 s31(1)(c)').code).toBe('offence-section-unknown')
  })

  it('asks which one when a citation or name matches rows Schedule 4 treats differently', () => {
    expect(failed('Firearms Act 1968 s17').suggestions).toEqual([
      'Firearms Act 1968 s17(1)',
      'Firearms Act 1968 s17(2)',
    ])
    expect(failed('Customs and Excise Management Act 1979 s170').code).toBe('offence-ambiguous')
    expect(failed('possession of a false passport').suggestions).toEqual([
      'Identity Documents Act 2010 s4',
      'Identity Documents Act 2010 s6',
    ])
  })
})

describe('parseOffence: properties', () => {
  const citations = knownOffenceCitations()

  it('parses every citation it offers back to the same citation, whatever the case and spacing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...citations), fc.boolean(), fc.boolean(), (citation, upper, padded) => {
        const text = `${padded ? '  ' : ''}${upper ? citation.toUpperCase() : citation}${padded ? ' ' : ''}`
        const result = parseOffence(text)
        return result.ok && result.offence.citation === citation
      }),
    )
  })

  it('resolves every everyday name, or asks which offence it means', () => {
    for (const name of OFFENCE_NAMES) {
      const result = parseOffence(name.phrase)
      if (typeof name.target === 'string') expect(result.ok, name.phrase).toBe(true)
      else expect(!result.ok && result.error.code === 'offence-ambiguous', name.phrase).toBe(true)
    }
  })

  it('every suggestion it makes parses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const result = parseOffence(text)
        if (result.ok) return true
        return result.error.suggestions.every((s) => {
          const again = parseOffence(s)
          return again.ok || again.error.code === 'offence-ambiguous'
        })
      }),
      { numRuns: 200 },
    )
  })
})
