import { describe, expect, it } from 'vitest'
import { type CpsNoteRequest, cpsNote } from './cps-note.js'

const request: CpsNoteRequest = {
  custodyRecordRef: 'CR/2025/004512',
  subjectRef: 'P-7731',
  ageAtOffence: 17,
  offences: ['Misuse of Drugs Act 1971 s4(2)', 'Theft Act 1968 s8'],
  offenceDate: '2025-03-01',
  indicators: ['Found locked inside a cannabis grow house', 'Says he owes £20,000 for his journey'],
  nrm: { status: 'not-yet-referred' },
  preparedBy: 'DC 4471 Okafor',
  preparedAt: new Date('2025-03-02T09:15:00Z'),
  force: 'Kent Police',
}

describe('cpsNote', () => {
  it('prepares a plain-text note with each offence, the limb, evidence, burden and what still applies', () => {
    const result = cpsNote(request)
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' | '))
    const { text } = result
    expect(text.startsWith('PREPARED NOTE FOR THE CPS FILE\n')).toBe(true)
    expect(text).toContain('Custody record: CR/2025/004512')
    expect(text).toContain('Prepared by: DC 4471 Okafor, 2025-03-02 09:15 UTC')
    expect(text).toContain('Age at the time of the act: 17 (under 18)')
    expect(text).toContain('- Found locked inside a cannabis grow house')
    expect(text).toContain('A child must be referred to the NRM; consent is not needed.')
    expect(text).toMatch(/1\. Misuse of Drugs Act 1971 s4\(2\): .*\n {3}AVAILABLE IN PRINCIPLE/)
    expect(text).toMatch(/2\. Theft Act 1968 s8: .*\n {3}NOT AVAILABLE/)
    expect(text).toContain('under-18 limb, s45(4)')
    expect(text).toContain('b) s45(4)(b): They did the act as a direct consequence')
    expect(text).toContain('R v MK; R v Gega [2018] EWCA Crim 667')
    expect(text).toContain('Whether or not section 45 is available')
    expect(text).toContain('How sure Lantern is (PARTLY CONFIRMED)')
    expect(result.assessments.map((a) => a.available)).toEqual([true, false])
  })

  it('leaves out the elements when every offence is excluded, and never names the person', () => {
    const result = cpsNote({
      ...request,
      ageAtOffence: 30,
      offences: ['murder'],
      nrm: { status: 'positive-reasonable-grounds', date: '2025-03-05' },
    })
    if (!result.ok) throw new Error('expected a note')
    expect(result.text).not.toContain('Elements to consider')
    expect(result.text).toContain('Positive Reasonable Grounds decision (2025-03-05)')
    expect(result.text).toContain('clear reasons consistent with the definition of trafficking')
    expect(result.text).toContain('Person: P-7731 (reference only')
  })

  it('produces nothing when an offence cannot be identified, and says which', () => {
    const result = cpsNote({ ...request, offences: ['Theft Act 1968 s8', 'Theft Act 1986 s1'] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([expect.objectContaining({ code: 'offence-unknown', field: 'offences[1]' })])
  })

  it('needs indicators, a custody record, an author and a valid age', () => {
    const result = cpsNote({
      ...request,
      indicators: ['  '],
      custodyRecordRef: '',
      preparedBy: ' ',
      ageAtOffence: 'unknown',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.code).sort()).toEqual([
      'age-not-a-number',
      'custody-record-missing',
      'indicators-missing',
      'prepared-by-missing',
    ])
  })
})
