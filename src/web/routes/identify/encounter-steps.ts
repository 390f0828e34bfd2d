import { z } from 'zod'
import type { EncounterPatch, EncounterRow } from '../../../db/repositories/encounters.js'
import { decideAge } from '../../../domain/identify/age.js'
import { indicators } from '../../../domain/identify/catalogue.js'
import { PersonRole, PlaceType, type Provenance, provenances } from '../../../domain/identify/encounter-input.js'
import { type ThemeId, themeIds, themes } from '../../../domain/identify/themes.js'
import { consentLabels, interpreterLabels, placeTypeLabels, provenanceLabels, roleLabels } from './labels.js'

const required = (msg: string) => z.string({ error: msg }).trim().min(1, msg)
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((v) => v || undefined)

/** Day, month, year and time as typed on the page → an ISO instant in UK time, never in the future. */
export function whenSchema(now: () => Date) {
  return z
    .object({
      'occurred-day': required('Enter the day of the encounter'),
      'occurred-month': required('Enter the month of the encounter'),
      'occurred-year': required('Enter the year of the encounter'),
      'occurred-time': required('Enter the time of the encounter'),
      location: optionalText(200, 'Where it happened'),
    })
    .transform((v, ctx) => {
      const [d, m, y] = [Number(v['occurred-day']), Number(v['occurred-month']), Number(v['occurred-year'])]
      const time = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(v['occurred-time'])
      if (!time)
        ctx.addIssue({
          code: 'custom',
          message: 'Enter the time as hours and minutes, like 14:30',
          path: ['occurred-time'],
        })
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      const date = new Date(`${iso}T00:00:00Z`)
      if (
        !Number.isInteger(d) ||
        !Number.isInteger(m) ||
        !Number.isInteger(y) ||
        date.toISOString().slice(0, 10) !== iso
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'The date of the encounter must be a real date',
          path: ['occurred-day'],
        })
        return z.NEVER
      }
      if (!time) return z.NEVER
      const local = `${iso}T${(time?.[1] ?? '0').padStart(2, '0')}:${time?.[2] ?? '00'}:00`
      const instant = ukLocalToInstant(local)
      if (instant.getTime() > now().getTime() + 5 * 60_000) {
        ctx.addIssue({ code: 'custom', message: 'The encounter must be today or in the past', path: ['occurred-day'] })
        return z.NEVER
      }
      if (y < 2015) {
        ctx.addIssue({ code: 'custom', message: 'The year must be 2015 or later', path: ['occurred-year'] })
        return z.NEVER
      }
      return { occurredAt: instant.toISOString(), location: v.location }
    })
}

/** Interprets a wall-clock time in Europe/London (GMT or BST) as an instant. */
export function ukLocalToInstant(local: string): Date {
  const asUtc = new Date(`${local}Z`)
  const offsetMinutes = londonOffsetMinutes(asUtc)
  return new Date(asUtc.getTime() - offsetMinutes * 60_000)
}

function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    timeZoneName: 'shortOffset',
  }).formatToParts(at)
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-]\d+)?/.exec(name)
  return m?.[1] ? Number(m[1]) * 60 : 0
}

export function ukLocalParts(iso: string | null) {
  if (!iso) return {}
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso))
  const get = (t: string) => f.find((p) => p.type === t)?.value ?? ''
  return {
    'occurred-day': get('day'),
    'occurred-month': get('month'),
    'occurred-year': get('year'),
    'occurred-time': `${get('hour')}:${get('minute')}`,
  }
}

export const PlaceForm = z.object({
  placeType: PlaceType.or(z.undefined()).refine((v) => v !== undefined, 'Select the type of place'),
})
export const RiskForm = z.object({
  immediateRisk: z.enum(['yes', 'no'], 'Select yes if anyone is in danger now'),
})
export const RoleForm = z.object({ role: z.enum(PersonRole.options, 'Select the person’s role in the encounter') })
export const AgeForm = z
  .object({
    ageKnown: z.enum(['known', 'child', 'adult', 'unknown'], 'Select how old the person is, or that you cannot tell'),
    age: z.string().trim().optional(),
    ageDisputed: z.union([z.literal('yes'), z.array(z.string())]).optional(),
  })
  .transform((v, ctx) => {
    const disputed = v.ageDisputed === 'yes' || (Array.isArray(v.ageDisputed) && v.ageDisputed.includes('yes'))
    if (v.ageKnown === 'known') {
      const n = Number(v.age)
      if (!v.age || !/^\d{1,3}$/.test(v.age) || n > 120) {
        ctx.addIssue({ code: 'custom', message: 'Enter their age as a whole number of years, like 17', path: ['age'] })
        return z.NEVER
      }
      return { age: n, ageDisputed: disputed }
    }
    return { ageBand: v.ageKnown, ageDisputed: disputed }
  })
export const LanguageForm = z.object({
  language: optionalText(100, 'The language'),
  interpreter: z.enum(['none', 'independent', 'not-independent'], 'Select whether an interpreter was used'),
})
export const AccountForm = z.object({ account: optionalText(20_000, 'The account') })
export const ConsentForm = z.object({
  consent: z.enum(['given', 'declined', 'not-asked'], 'Select whether they agree to be referred'),
})
export const AmendReason = z.object({
  reason: z
    .string({ error: 'Give a reason for the change' })
    .trim()
    .min(1, 'Give a reason for the change')
    .max(1000, 'The reason must be 1000 characters or fewer'),
})

export function themeForm(theme: ThemeId) {
  const ids = indicators.filter((i) => i.theme === theme).map((i) => i.id)
  return z
    .object({ present: z.union([z.string(), z.array(z.string())]).optional() })
    .catchall(z.unknown())
    .transform((v, ctx) => {
      const present = v.present === undefined ? [] : Array.isArray(v.present) ? v.present : [v.present]
      const chosen: { id: string; provenance: Provenance }[] = []
      for (const id of present) {
        if (!ids.includes(id)) {
          ctx.addIssue({ code: 'custom', message: 'Select signs from the list', path: ['present'] })
          return z.NEVER
        }
        const p = v[`provenance-${id}`]
        const provenance = (provenances as readonly string[]).includes(String(p)) ? (p as Provenance) : 'observed'
        chosen.push({ id, provenance })
      }
      return chosen
    })
}

export function mergeTheme(
  row: EncounterRow,
  theme: ThemeId,
  chosen: { id: string; provenance: Provenance }[],
  now: Date,
): EncounterPatch {
  const inTheme = new Set(indicators.filter((i) => i.theme === theme).map((i) => i.id))
  const kept = row.indicators.filter((i) => !inTheme.has(i.id))
  const previous = new Map(row.indicators.map((i) => [`${i.id}/${i.provenance}`, i.recordedAt]))
  const added = chosen.map((c) => ({ ...c, recordedAt: previous.get(`${c.id}/${c.provenance}`) ?? now.toISOString() }))
  return {
    indicators: [...kept, ...added],
    themesReviewed: [...new Set([...row.themesReviewed, theme])],
  }
}

export function treatedAsChild(row: EncounterRow): boolean {
  return decideAge(
    {
      role: row.person.role ?? 'potential-victim',
      ...(row.person.age !== undefined ? { age: row.person.age } : {}),
      ...(row.person.ageBand !== undefined ? { ageBand: row.person.ageBand } : {}),
      ...(row.person.ageDisputed ? { ageDisputed: true } : {}),
    },
    row.indicators.map((i) => i.id),
  ).treatedAsChild
}

export const STEP_ORDER = [
  'when',
  'place',
  'risk',
  'role',
  'age',
  'language',
  'indicators',
  'account',
  'consent',
  'check',
] as const
export type StepSlug = (typeof STEP_ORDER)[number]

export function nextStep(current: StepSlug, row: EncounterRow): StepSlug {
  const i = STEP_ORDER.indexOf(current)
  const next = STEP_ORDER[i + 1] ?? 'check'
  if (next === 'consent' && treatedAsChild(row)) return 'check'
  return next
}

export const items = {
  place: Object.entries(placeTypeLabels).map(([value, text]) => ({ value, text })),
  role: Object.entries(roleLabels).map(([value, text]) => ({ value, text })),
  consent: Object.entries(consentLabels).map(([value, text]) => ({ value, text })),
  interpreter: Object.entries(interpreterLabels).map(([value, text]) => ({ value, text })),
  provenance: Object.entries(provenanceLabels).map(([value, text]) => ({ value, text })),
}

export const themeList = themeIds.map((id) => ({ ...themes.find((t) => t.id === id), id }))
