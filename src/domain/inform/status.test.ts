import { describe, expect, it } from 'vitest'
import { ContentMeta } from './content-schema.js'
import { DRAFT_STATUS_ENGLISH, fillPlaceholders, placeholdersIn, translationStatus } from './status.js'

const draftMeta: ContentMeta = {
  status: 'draft',
  translatedBy: 'Lantern team (machine-drafted)',
  reviewer: null,
  reviewedOn: null,
  statusLine: { draft: 'مسودة بانتظار المراجعة المهنية', reviewed: 'راجعه {reviewer} في {date}' },
}

describe('translationStatus', () => {
  it('shows the draft status, in English and in the language, while no review is recorded', () => {
    expect(translationStatus(draftMeta)).toEqual({
      reviewed: false,
      english: 'draft — awaiting professional review',
      local: 'مسودة بانتظار المراجعة المهنية',
    })
  })

  it('shows the reviewer and date once a review is recorded', () => {
    const meta: ContentMeta = {
      ...draftMeta,
      status: 'reviewed',
      reviewer: 'Amira Haddad (Language Line)',
      reviewedOn: '2026-12-01',
    }
    expect(translationStatus(meta)).toEqual({
      reviewed: true,
      english: 'reviewed by Amira Haddad (Language Line) on 2026-12-01',
      local: 'راجعه Amira Haddad (Language Line) في 2026-12-01',
    })
  })

  it('stays draft when the file names a reviewer and date but still says draft', () => {
    const meta: ContentMeta = { ...draftMeta, reviewer: 'Amira Haddad', reviewedOn: '2026-12-01' }
    expect(translationStatus(meta).english).toBe(DRAFT_STATUS_ENGLISH)
  })

  it("refuses a 'reviewed' file without a reviewer or without a date", () => {
    expect(ContentMeta.safeParse({ ...draftMeta, status: 'reviewed', reviewedOn: '2026-12-01' }).success).toBe(false)
    expect(ContentMeta.safeParse({ ...draftMeta, status: 'reviewed', reviewer: 'Amira Haddad' }).success).toBe(false)
    expect(ContentMeta.safeParse({ ...draftMeta, reviewer: 'Amira Haddad', reviewedOn: '1 Dec 2026' }).success).toBe(
      false,
    )
  })
})

describe('placeholders', () => {
  it('fills known names and leaves unknown ones as written', () => {
    expect(fillPlaceholders('Question {n} of {total}', { n: 2, total: 12 })).toBe('Question 2 of 12')
    expect(fillPlaceholders('Page {page} of {pages}', { page: 1 })).toBe('Page 1 of {pages}')
  })

  it('lists the names a string uses, once each, sorted', () => {
    expect(placeholdersIn('{total}: {n} / {total}')).toEqual(['n', 'total'])
    expect(placeholdersIn('no placeholders')).toEqual([])
  })
})
