import type { DbOrTx } from '../../db/client.js'
import { insertJob, insertNotification } from '../../db/repositories/tasks.js'
import { messageText, type NotificationMessage } from './messages.js'

export const EMAIL_JOB = 'deliver-notification-email'

/**
 * Writes one in-app notification per recipient and, in the same transaction, an outbox job to email it.
 * `dedupeKey` is made unique per recipient, so a reminder is sent once however often it is raised.
 * `link` is a path inside Lantern (e.g. /crime/…); emails make it absolute with PUBLIC_URL.
 */
export async function notify(
  tx: DbOrTx,
  input: {
    forceId: string
    userIds: readonly string[]
    message: NotificationMessage
    link: string
    dedupeKey: string
    at: Date
  },
): Promise<number> {
  if (!input.link.startsWith('/')) throw new Error('A notification link must be a path inside Lantern')
  const { subject, body } = messageText(input.message)
  const at = input.at.toISOString()
  let created = 0
  for (const userId of new Set(input.userIds)) {
    const row = await insertNotification(tx, {
      forceId: input.forceId,
      userId,
      kind: input.message.kind,
      subject,
      body,
      link: input.link,
      dedupeKey: `${input.dedupeKey}:${userId}`,
      createdAt: at,
    })
    if (!row) continue
    created += 1
    await insertJob(tx, {
      kind: EMAIL_JOB,
      payload: { notificationId: row.id },
      runAt: at,
      createdAt: at,
      dedupeKey: `email:${row.id}`,
    })
  }
  return created
}
