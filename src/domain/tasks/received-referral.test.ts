import { describe, expect, it } from 'vitest'
import { taskHref } from './href.js'
import { ReceivedReferralInput, receivedAtProblem } from './received-referral.js'

const base = {
  kind: 'duty-to-notify',
  firstResponderOrganisation: ' The Salvation Army ',
  receivedAt: '2026-11-27T09:00:00Z',
  exploitationLocation: 'uk',
}

describe('a referral received from another organisation', () => {
  it('keeps what the force needs and nothing empty', () => {
    expect(ReceivedReferralInput.parse({ ...base, externalReference: '', exploitationForceId: '' })).toEqual({
      kind: 'duty-to-notify',
      firstResponderOrganisation: 'The Salvation Army',
      externalReference: null,
      receivedAt: '2026-11-27T09:00:00Z',
      exploitationLocation: 'uk',
      exploitationForceId: null,
    })
  })

  it('refuses an unknown force, a force for exploitation only overseas, and a missing sender', () => {
    const issues = (v: Record<string, unknown>) =>
      ReceivedReferralInput.safeParse(v).error?.issues.map((i) => i.message) ?? []
    expect(issues({ ...base, exploitationForceId: 'atlantis' })).toEqual(['Select a police force area from the list'])
    expect(issues({ ...base, exploitationLocation: 'overseas', exploitationForceId: 'kent' })).toEqual([
      'Leave the police force area empty when the exploitation happened only overseas',
    ])
    expect(issues({ ...base, firstResponderOrganisation: '  ' })).toEqual(['Enter the organisation that sent it'])
    expect(issues({ ...base, kind: 'nrm-cat' })).toEqual(['Select what you received'])
  })

  it('refuses a received time in the future', () => {
    const now = new Date('2026-11-27T10:00:00Z')
    expect(receivedAtProblem('2026-11-27T09:59:00Z', now)).toBeNull()
    expect(receivedAtProblem('2026-11-27T10:01:00Z', now)).toBe('The date and time received must be in the past')
  })
})

describe('where a task is done', () => {
  it('uses the task’s own path, else its subject’s page, and never another site', () => {
    expect(taskHref({ details: { href: '/referrals/r1#decisions' }, subjectType: 'referral', subjectId: 'r1' })).toBe(
      '/referrals/r1#decisions',
    )
    expect(taskHref({ details: { href: '//evil.example/x' }, subjectType: 'crime-record', subjectId: 'c1' })).toBe(
      '/crime/c1',
    )
    expect(taskHref({ details: {}, subjectType: 'encounter', subjectId: 'e1' })).toBe('/encounters/e1')
    expect(taskHref({ details: {}, subjectType: 'something-else', subjectId: 'x' })).toBe('/actions')
  })
})
