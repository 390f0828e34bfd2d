import { describe, expect, it } from 'vitest'
import {
  checklistProgress,
  EVIDENCE_CHECKLIST,
  EVIDENCE_CHECKLIST_SOURCE,
  EvidenceItemState,
} from './evidence-checklist.js'

describe('evidence checklist for prosecutions that do not rest on the victim', () => {
  it('covers the six lines of evidence in the issue, with unique item ids', () => {
    expect(EVIDENCE_CHECKLIST.map((c) => c.title)).toEqual([
      'Financial enquiries',
      'Phones and communications data',
      'ANPR and travel',
      'Premises',
      'Third-party witnesses',
      'Open source',
    ])
    const ids = EVIDENCE_CHECKLIST.flatMap((c) => c.items.map((i) => i.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(EVIDENCE_CHECKLIST_SOURCE.confidence).toBe('UNCONFIRMED')
  })

  it('counts done and not-applicable items and lists the rest', () => {
    const progress = checklistProgress([
      { itemId: 'financial-accounts', status: 'done', note: null },
      { itemId: 'travel-borders', status: 'not-applicable', note: 'All travel was within the UK' },
      { itemId: 'premises-cctv', status: 'in-progress', note: null },
    ])
    const total = EVIDENCE_CHECKLIST.reduce((n, c) => n + c.items.length, 0)
    expect(progress).toMatchObject({ total, done: 1, notApplicable: 1 })
    expect(progress.outstanding).toHaveLength(total - 2)
    expect(progress.outstanding.map((o) => o.itemId)).toContain('premises-cctv')
    expect(progress.outstanding.map((o) => o.itemId)).not.toContain('financial-accounts')
  })

  it('needs a note saying why an item does not apply', () => {
    expect(EvidenceItemState.safeParse({ itemId: 'premises-cctv', status: 'not-applicable', note: null }).success).toBe(
      false,
    )
    expect(EvidenceItemState.safeParse({ itemId: 'premises-cctv', status: 'done', note: null }).success).toBe(true)
  })
})
