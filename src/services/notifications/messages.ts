import type { TaskKind } from '../../domain/tasks/task-kind.js'

// Every notification is built here from a fixed kind, so no caller can put a name, an address or an
// account into one: they go by email, and email leaves the force's systems.

export type NotificationMessage =
  | { kind: 'task-due-soon'; taskKind: TaskKind; dueAt: string }
  | { kind: 'task-overdue'; taskKind: TaskKind; dueAt: string }
  | { kind: 'team-task-overdue'; taskKind: TaskKind; dueAt: string }
  | { kind: 'encounter-needs-action' }
  | { kind: 'cancellation-requested' }
  | { kind: 'cancellation-decided'; outcome: 'approved' | 'rejected' }

const what: Record<TaskKind, string> = {
  'record-crime': 'a crime record',
  'chase-rg-decision': 'a Reasonable Grounds decision to chase',
  'recovery-period-ending': 'a recovery period ending',
  'revisit-consent': 'a visit to ask about consent again',
  'refer-or-notify': 'a referral, report or decision',
  'review-transfer': 'a transferred referral to review',
  'place-of-safety-ending': 'a Place of Safety ending',
  'prevention-order-reminder': 'a prevention or risk order reminder',
}

const ukTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
})

export function messageText(m: NotificationMessage): { subject: string; body: string } {
  switch (m.kind) {
    case 'task-due-soon':
      return {
        subject: `Lantern: ${what[m.taskKind]} is due soon`,
        body: `You have ${what[m.taskKind]} due by ${ukTime.format(new Date(m.dueAt))}.`,
      }
    case 'task-overdue':
      return {
        subject: `Lantern: ${what[m.taskKind]} is overdue`,
        body: `You have ${what[m.taskKind]} that was due by ${ukTime.format(new Date(m.dueAt))}.`,
      }
    case 'team-task-overdue':
      return {
        subject: `Lantern: ${what[m.taskKind]} in your team is overdue`,
        body: `Someone in your team has ${what[m.taskKind]} that was due by ${ukTime.format(new Date(m.dueAt))}.`,
      }
    case 'encounter-needs-action':
      return {
        subject: 'Lantern: an encounter needs a referral, report or decision',
        body: 'An encounter you recorded has signs of modern slavery and no referral, Duty to Notify report or supervisor decision after 24 hours.',
      }
    case 'cancellation-requested':
      return {
        subject: 'Lantern: a crime record cancellation needs your decision',
        body: 'An officer has asked to cancel a crime record. A supervisor or the force lead must approve or reject it.',
      }
    case 'cancellation-decided':
      return {
        subject: `Lantern: your request to cancel a crime record was ${m.outcome}`,
        body: `A supervisor has ${m.outcome} your request to cancel a crime record.`,
      }
  }
}
