import { describe, expect, it } from 'vitest'
import {
  allowedEvents,
  type InvestigationEvent,
  type InvestigationEventType,
  type InvestigationStatus,
  investigationEventTypes,
  investigationStatuses,
  isActive,
  transition,
} from './status.js'

const sample: Record<InvestigationEventType, InvestigationEvent> = {
  'start-review': { type: 'start-review' },
  'complete-review': { type: 'complete-review' },
  'request-closure': { type: 'request-closure' },
  'withdraw-closure-request': { type: 'withdraw-closure-request' },
  'approve-closure': { type: 'approve-closure', secondReviewRequired: false },
  'approve-second-review': { type: 'approve-second-review' },
  'refuse-closure': { type: 'refuse-closure', reason: 'Financial enquiries are outstanding' },
  reopen: { type: 'reopen', reason: 'New intelligence links the suspect to a second address' },
}

// Every legal move; anything not listed must be refused.
const legal: Partial<Record<InvestigationStatus, Partial<Record<InvestigationEventType, InvestigationStatus>>>> = {
  open: { 'start-review': 'under-review', 'request-closure': 'closure-requested' },
  reopened: { 'start-review': 'under-review', 'request-closure': 'closure-requested' },
  'under-review': { 'complete-review': 'open' },
  'closure-requested': { 'approve-closure': 'closed', 'refuse-closure': 'open', 'withdraw-closure-request': 'open' },
  'closure-held-for-second-review': {
    'approve-second-review': 'closed',
    'refuse-closure': 'open',
    'withdraw-closure-request': 'open',
  },
  closed: { reopen: 'reopened' },
}

describe('investigation status machine', () => {
  for (const from of investigationStatuses) {
    for (const type of investigationEventTypes) {
      const to = legal[from]?.[type]
      it(`${from} + ${type} → ${to ?? 'refused'}`, () => {
        const result = transition(from, sample[type])
        if (to) expect(result).toEqual({ ok: true, from, to })
        else {
          expect(result.ok).toBe(false)
          if (!result.ok) expect(result.reason.length).toBeGreaterThan(10)
        }
      })
    }
  }

  it('holds a supervisor-approved closure for the force lead when the early-closure guard applies', () => {
    expect(transition('closure-requested', { type: 'approve-closure', secondReviewRequired: true })).toEqual({
      ok: true,
      from: 'closure-requested',
      to: 'closure-held-for-second-review',
    })
  })

  it('explains the refusals in plain words', () => {
    const reason = (from: InvestigationStatus, event: InvestigationEvent) => {
      const r = transition(from, event)
      return r.ok ? null : r.reason
    }
    expect(reason('closure-held-for-second-review', sample['approve-closure'])).toMatch(/second-level review/)
    expect(reason('closure-requested', sample['approve-second-review'])).toMatch(/supervisor must sign off/)
    expect(reason('open', sample.reopen)).toBe('Only a closed investigation can be reopened.')
    expect(reason('under-review', sample['request-closure'])).toMatch(/review is in progress/)
    expect(reason('closed', sample['request-closure'])).toBe('The investigation is already closed.')
  })

  it('needs a reason to refuse a closure or to reopen', () => {
    expect(transition('closed', { type: 'reopen', reason: '  ' })).toMatchObject({
      ok: false,
      reason: /reason for reopening/,
    })
    expect(transition('closure-requested', { type: 'refuse-closure', reason: '' })).toMatchObject({ ok: false })
  })

  it('walks open → review → early closure held → approved → reopened', () => {
    const events: InvestigationEvent[] = [
      { type: 'start-review' },
      { type: 'complete-review' },
      { type: 'request-closure' },
      { type: 'approve-closure', secondReviewRequired: true },
      { type: 'approve-second-review' },
      { type: 'reopen', reason: 'Victim re-engaged' },
    ]
    const seen: InvestigationStatus[] = []
    let status: InvestigationStatus = 'open'
    for (const e of events) {
      const r = transition(status, e)
      if (!r.ok) throw new Error(r.reason)
      status = r.to
      seen.push(status)
    }
    expect(seen).toEqual([
      'under-review',
      'open',
      'closure-requested',
      'closure-held-for-second-review',
      'closed',
      'reopened',
    ])
  })

  it('lists the actions open from each status', () => {
    expect(allowedEvents('open')).toEqual(['start-review', 'request-closure'])
    expect(allowedEvents('closed')).toEqual(['reopen'])
    expect(allowedEvents('closure-held-for-second-review')).toEqual([
      'withdraw-closure-request',
      'approve-second-review',
      'refuse-closure',
    ])
    expect(isActive('closed')).toBe(false)
    expect(isActive('reopened')).toBe(true)
  })
})
