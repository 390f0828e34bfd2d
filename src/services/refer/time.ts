import { addCalendarDays, type IsoDate } from '../../domain/deadlines/index.js'

function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    timeZoneName: 'shortOffset',
  }).formatToParts(at)
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-]\d+)?/.exec(name)
  return m?.[1] ? Number(m[1]) * 60 : 0
}

/** A wall-clock time in Europe/London (GMT or BST), e.g. "2026-03-29T09:30", as an instant. */
export function ukLocalToInstant(local: string): Date {
  const asUtc = new Date(`${local}Z`)
  const first = new Date(asUtc.getTime() - londonOffsetMinutes(asUtc) * 60_000)
  return new Date(asUtc.getTime() - londonOffsetMinutes(first) * 60_000)
}

/** The first moment of a UK calendar day. */
export function startOfUkDay(date: IsoDate): Date {
  return ukLocalToInstant(`${date}T00:00:00`)
}

/** A deadline "by the end of" a day falls due at the first moment of the next UK day. */
export function endOfUkDay(date: IsoDate): Date {
  return startOfUkDay(addCalendarDays(date, 1))
}
