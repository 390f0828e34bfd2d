import { z } from 'zod'
import type { ReferralPatch, ReferralRow } from '../../db/repositories/referrals.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { IsoDate, ukDateOf } from '../../domain/deadlines/index.js'
import {
  AgenciesInvolved,
  ContactDetails,
  ExploitationLocation,
  ExploitationPeriod,
  Exploiter,
  FirstResponder,
  Gender,
  identifyingFields,
  isTreatedAsChild,
  NeedsAndRisks,
  PersonDetails,
  SupportRequested,
} from '../../domain/referral/index.js'
import { ExploitationType } from '../../domain/shared/vocabulary.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { ReferralRefused } from './errors.js'
import { loadOrExplain, saveOrConflict } from './referrals.js'
import { type FormSectionKey, sectionBlockedBy, sectionsFor, sectionTitles } from './sections.js'

type Issues = { path: string; message: string }[]

function refuseWith(issues: Issues): never {
  throw new ReferralRefused(issues[0]?.message ?? 'The answers are not valid', 'invalid', issues)
}

function parseOrRefuse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    refuseWith(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })))
  }
  return parsed.data
}

function notInFuture(date: string | null | undefined, today: string, path: string, what: string): Issues {
  return date && date > today ? [{ path, message: `${what} (${date}) cannot be in the future` }] : []
}

// law-and-process.md §2.5 (s52(3)): the only details a Duty to Notify report holds about the person.
const DtnPerson = z.strictObject(
  {
    gender: Gender,
    ageAtExploitation: z.number().int().min(0).max(120).nullable().default(null),
    nationalities: z.array(z.string().trim().min(1)).default([]),
  },
  {
    error: (issue: { code?: string; keys?: string[] }) =>
      issue.code === 'unrecognized_keys'
        ? `A Duty to Notify report holds only non-identifying details; it cannot take: ${(issue.keys ?? [])
            .map((k) => identifyingFields[k as keyof typeof identifyingFields] ?? k)
            .join(', ')}`
        : undefined,
  },
)

// MSA 2015 s52(3), law-and-process.md §2.5: with the person's consent to share their identity, the report may also
// hold their name, other names, date of birth, contact details and address (IdentifiedDutyToNotifyReport).
const DtnIdentifiedPerson = z.strictObject({
  gender: Gender,
  ageAtExploitation: z.number().int().min(0).max(120).nullable().default(null),
  nationalities: z.array(z.string().trim().min(1)).default([]),
  name: z
    .string({ error: 'Enter the person’s name, as they give it' })
    .trim()
    .min(1, { error: 'Enter the person’s name, as they give it' }),
  otherNames: z.array(z.string().trim().min(1)).default([]),
  dateOfBirth: IsoDate.nullable().default(null),
  contact: ContactDetails.default({ phone: null, email: null }),
  address: z.string().trim().min(1).nullable().default(null),
})

/** The section's identifying answers, by the words the refusal uses for them. */
const identityInputLabels: Record<string, string> = {
  name: identifyingFields.name,
  otherNames: identifyingFields.otherNames,
  dateOfBirth: identifyingFields.dateOfBirth,
  contact: identifyingFields.contactDetails,
  address: 'address',
}

const blank = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.values(v as Record<string, unknown>).every(blank))

/** Without consent to share identity, any identifying answer is refused by name, before anything is written. */
function refuseIdentityWithoutConsent(input: unknown): void {
  const given = Object.entries(input && typeof input === 'object' ? (input as Record<string, unknown>) : {}).filter(
    ([k, v]) => k in identityInputLabels && !blank(v),
  )
  if (given.length === 0) return
  const refusal = (what: string) =>
    `A Duty to Notify report cannot hold the person’s ${what} unless they consent to share their identity (Modern Slavery Act 2015 s52(3)): record that consent first, or leave it out`
  throw new ReferralRefused(
    refusal(given.map(([k]) => identityInputLabels[k]).join(', ')),
    'identity-without-consent',
    given.map(([k, v]) => ({
      path: k === 'contact' ? (blank((v as Record<string, unknown>).phone) ? 'contact.email' : 'contact.phone') : k,
      message: refusal(identityInputLabels[k] ?? k),
    })),
  )
}

const ExploitationSection = z
  .object({
    types: z.array(ExploitationType).default([]),
    typeNotKnown: z.boolean().default(false),
    countyLines: z.boolean().default(false),
    location: ExploitationLocation,
    period: ExploitationPeriod,
  })
  .superRefine((d, ctx) => {
    if (d.types.length === 0 && !d.typeNotKnown) {
      ctx.addIssue({
        code: 'custom',
        path: ['types'],
        message: 'Choose at least one type of exploitation, or that it is not known',
      })
    }
    if (d.types.length > 0 && d.typeNotKnown) {
      ctx.addIssue({
        code: 'custom',
        path: ['types'],
        message: 'The type of exploitation cannot be both chosen and not known',
      })
    }
  })

const AccountSection = z.object({
  recruitment: z.string().trim().min(1).nullable().default(null),
  control: z.string().trim().min(1).nullable().default(null),
  movement: z.string().trim().min(1).nullable().default(null),
  exploiters: z.array(Exploiter).default([]),
  account: z.string({ error: 'Record the account of what happened' }).trim().min(1, {
    error: 'Record the account of what happened, in the person’s words where possible',
  }),
})

/** Turns one section's answers into the columns it fills, after the domain's checks for that section. */
function patchFor(section: FormSectionKey, row: ReferralRow, input: unknown, now: Date): ReferralPatch {
  const today = ukDateOf(now)
  switch (section) {
    case 'first-responder':
      return { firstResponder: parseOrRefuse(FirstResponder, input) }
    case 'person': {
      const p = parseOrRefuse(PersonDetails, input)
      const issues = notInFuture(p.dateOfBirth, today, 'dateOfBirth', 'The date of birth')
      // law-and-process.md §2.4, §9.1: the kind follows the age; an adult referral cannot carry a possible child.
      if (row.kind === 'nrm-adult' && isTreatedAsChild(p.ageStatus)) {
        issues.push({
          path: 'ageStatus',
          message:
            'The person is, or may be, under 18: withdraw this referral and start a child referral from the encounter, without asking for consent (§2.4)',
        })
      }
      if (issues.length > 0) refuseWith(issues)
      const { name, nameInOriginalScript, aliases, dateOfBirth, contact, address, ageStatus, ...rest } = p
      return {
        person: { ...row.person, ...rest },
        ageStatus,
        personName: name,
        nameInOriginalScript,
        otherNames: aliases.length > 0 ? aliases : null,
        dateOfBirth,
        contactPhone: contact.phone,
        contactEmail: contact.email,
        address,
      }
    }
    case 'dtn-person': {
      if (row.identityConsentId === null) {
        refuseIdentityWithoutConsent(input)
        const p = parseOrRefuse(DtnPerson, input)
        return { person: { ...row.person, ...p } }
      }
      const p = parseOrRefuse(DtnIdentifiedPerson, input)
      const issues = notInFuture(p.dateOfBirth, today, 'dateOfBirth', 'The date of birth')
      if (issues.length > 0) refuseWith(issues)
      // The identity goes only in the identity columns, which the database CHECK watches; never in `person`.
      const { name, otherNames, dateOfBirth, contact, address, ...rest } = p
      return {
        person: { ...row.person, ...rest },
        personName: name,
        otherNames: otherNames.length > 0 ? otherNames : null,
        dateOfBirth,
        contactPhone: contact.phone,
        contactEmail: contact.email,
        address,
      }
    }
    case 'exploitation': {
      const e = parseOrRefuse(ExploitationSection, input)
      const issues = [
        ...notInFuture(e.period.startedOn, today, 'period.startedOn', 'The start of the exploitation'),
        ...notInFuture(e.period.endedOn, today, 'period.endedOn', 'The end of the exploitation'),
      ]
      if (issues.length > 0) refuseWith(issues)
      return { exploitation: { ...row.exploitation, ...e } }
    }
    case 'account':
      return { exploitation: { ...row.exploitation, ...parseOrRefuse(AccountSection, input) } }
    case 'needs':
      return { needsAndRisks: parseOrRefuse(NeedsAndRisks, input) }
    case 'support-requested':
      return { supportRequested: parseOrRefuse(SupportRequested, input) }
    case 'agencies':
      return { agencies: parseOrRefuse(AgenciesInvolved, input) }
  }
}

/**
 * Saves one section of a draft referral. Sections wait for what must come first (a child's safeguarding referral,
 * an adult's consent), a Duty to Notify report never takes the person's identity (s52(3)), and each section is
 * checked by the domain's own schema before anything is written.
 */
export async function saveSection(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  section: FormSectionKey,
  input: unknown,
): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const { row } = loaded
    if (row.status !== 'draft') {
      throw new ReferralRefused(
        'The referral has been submitted, so its sections can no longer be changed here',
        'submitted',
      )
    }
    if (!sectionsFor(row.kind).includes(section)) {
      throw new ReferralRefused(
        section === 'person' && row.kind === 'duty-to-notify'
          ? row.identityConsentId === null
            ? `A Duty to Notify report cannot hold the person’s name, date of birth, contact details or address unless they consent to share their identity (Modern Slavery Act 2015 s52(3))`
            : 'Record the person’s details in the report’s own section, About the person'
          : `${sectionTitles[section]} is not part of this kind of referral`,
        'not-for-kind',
      )
    }
    const blocked = sectionBlockedBy(section, row, loaded.consent, loaded.safeguarding)
    if (blocked) throw new ReferralRefused(blocked, 'blocked')
    const patch = patchFor(section, row, input, now)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, patch, now)
    await audit(tx, ctx, { action: 'update', recordType: 'referral', recordId: id, details: { section } }, now)
    return saved
  })
}
