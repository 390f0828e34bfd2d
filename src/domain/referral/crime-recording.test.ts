import { describe, expect, it } from 'vitest'
import type { Clock } from './clock.js'
import {
  CRIME_TASK_TRANSITIONS,
  type CrimeRecordTask,
  CrimeTaskStatus,
  crimeRecordingTriggerFor,
  crimeTaskTransition,
  crimeToRecordTask,
  isCrimeTaskOverdue,
} from './crime-recording.js'
import { HOCR_CLASSIFICATIONS, hocrClassification } from './hocr-classifications.js'

const clock: Clock = { now: () => new Date('2024-06-05T12:00:00Z') }
const task = crimeToRecordTask({
  trigger: 'nrm-referral-made',
  referralId: 'ref-1',
  forceId: 'kent',
  at: '2024-06-01T10:00:00Z',
})

const crime = {
  reference: 'KENT/24/123456',
  classification: '106',
  recordedAt: '2024-06-01T15:00:00Z',
  recordedBy: 'PC 123',
}
const request = {
  rationale:
    'CCTV and payroll records show she was employed lawfully and free to leave; she confirms it in a statement.',
  evidence: [{ kind: 'official-record' as const, description: 'Payroll and HMRC records checked with the employer' }],
  requestedBy: 'user-officer',
  requestedAt: '2024-06-04T10:00:00Z',
}
const supervisor = { userId: 'user-supervisor', role: 'supervisor' as const }

function must(t: CrimeRecordTask, event: Parameters<typeof crimeTaskTransition>[1]): CrimeRecordTask {
  const result = crimeTaskTransition(t, event, clock)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

const recorded = must(task, { type: 'record-crime', crime })
const requested = must(recorded, { type: 'request-cancellation', request })
const cancelled = must(requested, { type: 'approve-cancellation', approver: supervisor, at: '2024-06-05T09:00:00Z' })
const byStatus: Record<CrimeTaskStatus, CrimeRecordTask> = {
  open: task,
  recorded,
  'cancellation-requested': requested,
  cancelled,
}
const sampleEvents = {
  'record-crime': { type: 'record-crime', crime },
  'request-cancellation': { type: 'request-cancellation', request },
  'approve-cancellation': { type: 'approve-cancellation', approver: supervisor, at: '2024-06-05T09:00:00Z' },
  'reject-cancellation': {
    type: 'reject-cancellation',
    approver: supervisor,
    at: '2024-06-05T09:00:00Z',
    reason: 'Not AVI',
  },
} as const

describe('crime to record', () => {
  it('is raised by every NRM referral made or received and every Duty to Notify report received', () => {
    expect(crimeRecordingTriggerFor({ kind: 'nrm-adult', origin: 'made' })).toBe('nrm-referral-made')
    expect(crimeRecordingTriggerFor({ kind: 'nrm-child', origin: 'received' })).toBe('nrm-referral-received')
    expect(crimeRecordingTriggerFor({ kind: 'duty-to-notify', origin: 'received' })).toBe('duty-to-notify-received')
    expect(crimeRecordingTriggerFor({ kind: 'duty-to-notify', origin: 'made' })).toBeNull()
  })

  it('creates a task with a 24-hour clock and the rule set it used', () => {
    expect(task).toMatchObject({
      status: 'open',
      trigger: 'nrm-referral-made',
      due: { dueAt: '2024-06-02T10:00:00.000Z', hours: 24, referralRules: 'nrm-rules.2023-07-24' },
    })
    const received = crimeToRecordTask({
      trigger: 'duty-to-notify-received',
      referralId: 'dtn-1',
      forceId: 'kent',
      at: '2024-06-01T10:00:00Z',
      config: { crimeRecordingHours: 48 },
    })
    expect(received.due.dueAt).toBe('2024-06-03T10:00:00.000Z')
  })

  it('is overdue only while open and after the due moment', () => {
    expect(isCrimeTaskOverdue(task, new Date('2024-06-02T10:00:00Z'))).toBe(false)
    expect(isCrimeTaskOverdue(task, new Date('2024-06-02T10:00:01Z'))).toBe(true)
    expect(isCrimeTaskOverdue(recorded, new Date('2024-06-03T10:00:00Z'))).toBe(false)
  })

  it('records the crime reference and classification, warning when late', () => {
    expect(recorded.crime).toEqual(crime)
    const late = crimeTaskTransition(
      task,
      { type: 'record-crime', crime: { ...crime, recordedAt: '2024-06-03T09:00:00Z' } },
      clock,
    )
    expect(late.ok && late.warnings).toEqual(['Recorded after the 24-hour time limit (2024-06-02T10:00:00.000Z)'])
  })

  it('refuses an unknown classification', () => {
    expect(
      crimeTaskTransition(task, { type: 'record-crime', crime: { ...crime, classification: '999' } }, clock),
    ).toEqual({
      ok: false,
      code: 'invalid-event',
      message: '"999" is not a classification on the list (106, or N200/1 to N200/6)',
    })
  })

  it('refuses a cancellation that relies on a negative NRM decision', () => {
    const result = crimeTaskTransition(
      recorded,
      {
        type: 'request-cancellation',
        request: {
          ...request,
          evidence: [{ kind: 'negative-nrm-decision', description: 'Negative RG on 2024-06-03' }],
        },
      },
      clock,
    )
    expect(result).toEqual({
      ok: false,
      code: 'nrm-decision-not-avi',
      message:
        'A negative NRM decision is not Additional Verifiable Information: the crime record stands unless verifiable information shows no offence took place (§3)',
    })
  })

  it('refuses a cancellation without a rationale or evidence', () => {
    expect(
      crimeTaskTransition(recorded, { type: 'request-cancellation', request: { ...request, rationale: ' ' } }, clock),
    ).toMatchObject({
      message: 'Explain what Additional Verifiable Information shows that no crime took place',
    })
    expect(
      crimeTaskTransition(recorded, { type: 'request-cancellation', request: { ...request, evidence: [] } }, clock),
    ).toMatchObject({
      message: 'List the Additional Verifiable Information the cancellation relies on',
    })
  })

  it('needs a supervisor other than the requester to approve', () => {
    expect(
      crimeTaskTransition(
        requested,
        {
          type: 'approve-cancellation',
          approver: { userId: 'u2', role: 'response-officer' },
          at: '2024-06-05T09:00:00Z',
        },
        clock,
      ),
    ).toMatchObject({
      code: 'not-a-supervisor',
      message: 'Only a supervisor or the force lead can decide on cancelling a crime record',
    })
    expect(
      crimeTaskTransition(
        requested,
        {
          type: 'approve-cancellation',
          approver: { userId: 'user-officer', role: 'supervisor' },
          at: '2024-06-05T09:00:00Z',
        },
        clock,
      ),
    ).toMatchObject({ code: 'self-approval' })
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellation: { decision: { outcome: 'approved', by: 'user-supervisor' } },
    })
  })

  it('a rejected cancellation returns the record to recorded and keeps the request', () => {
    const rejected = must(requested, sampleEvents['reject-cancellation'])
    expect(rejected).toMatchObject({
      status: 'recorded',
      cancellation: null,
      rejectedCancellations: [{ decision: { outcome: 'rejected', reason: 'Not AVI' } }],
    })
  })

  it.each(
    CrimeTaskStatus.options.flatMap((status) =>
      (Object.keys(sampleEvents) as (keyof typeof sampleEvents)[])
        .filter((event) => !CRIME_TASK_TRANSITIONS[event].includes(status))
        .map((event) => ({ status, event })),
    ),
  )('refuses $event when $status', ({ status, event }) => {
    expect(crimeTaskTransition(byStatus[status], sampleEvents[event], clock)).toMatchObject({
      ok: false,
      code: 'illegal-transition',
    })
  })

  it('allows exactly one event from each non-final status', () => {
    const legal = CrimeTaskStatus.options.map((s) =>
      Object.entries(CRIME_TASK_TRANSITIONS)
        .filter(([, from]) => from.includes(s))
        .map(([e]) => e),
    )
    expect(legal).toEqual([
      ['record-crime'],
      ['request-cancellation'],
      ['approve-cancellation', 'reject-cancellation'],
      [],
    ])
  })
})

describe('HOCR classification list', () => {
  it('holds 106 and N200/1–N200/6 as SECONDARY reference data', () => {
    expect(HOCR_CLASSIFICATIONS.map((c) => c.code)).toEqual([
      '106',
      'N200/1',
      'N200/2',
      'N200/3',
      'N200/4',
      'N200/5',
      'N200/6',
    ])
    for (const c of HOCR_CLASSIFICATIONS) expect(c.source.confidence).toBe('SECONDARY')
    expect(hocrClassification('106')).toMatchObject({ label: 'Modern slavery', kind: 'crime' })
    expect(hocrClassification('N200/3')).toMatchObject({
      label: 'Report of modern slavery: Duty to Notify only',
      kind: 'incident',
    })
  })
})
