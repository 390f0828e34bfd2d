import { roleLabels } from '../../domain/access/roles.js'
import { forceById } from '../../domain/forces/forces.js'
import { indicatorById } from '../../domain/identify/catalogue.js'
import {
  ageStatusLabels,
  MSVCC_ITEMS,
  NRM_FORM_SECTIONS,
  NRM_FORM_STRUCTURE_SOURCE,
  referralKindLabels,
  referralStatusLabels,
} from '../../domain/referral/index.js'
import { exploitationTypeLabels } from '../../domain/shared/vocabulary.js'
import { iso } from './model.js'
import type { LoadedReferral } from './referrals.js'
import { dtnInput, nrmInput, type SectionKey } from './sections.js'

export type DocField = { label: string; value: string; section: SectionKey | null }
export type DocSection = { key: string; title: string; fields: DocField[] }

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
})

export function ukDate(date: string | null | undefined): string {
  if (!date) return ''
  const d = new Date(date.length === 10 ? `${date}T12:00:00Z` : date)
  return Number.isNaN(d.getTime()) ? date : dateFmt.format(d)
}

export function ukDateTime(instant: string | null | undefined): string {
  if (!instant) return ''
  const d = new Date(instant)
  return Number.isNaN(d.getTime()) ? instant : dateTimeFmt.format(d)
}

const yesNo = (v: unknown) => (v === true ? 'Yes' : v === false ? 'No' : '')
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join(', ') : '')
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const forceName = (id: unknown) => (typeof id === 'string' ? (forceById(id)?.name ?? id) : '')

export const genderLabels: Record<string, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  'not-known': 'Not known',
}
export const methodLabels: Record<string, string> = {
  phone: 'Phone',
  email: 'Email',
  'online-form': 'Online form',
  'in-person': 'In person',
}
export const emergencyReasonLabels: Record<string, string> = {
  destitute: 'Destitute now',
  'destitute-within-two-weeks': 'Will be destitute within two weeks',
  'no-safe-housing': 'Cannot otherwise get safe housing',
}
const whereLabels: Record<string, string> = { uk: 'In the UK', overseas: 'Overseas', both: 'In the UK and overseas' }
const msvccLabel = new Map(MSVCC_ITEMS.map((i) => [i.id, i.label]))

function field(label: string, value: string, section: SectionKey | null): DocField {
  return { label, value, section }
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})

function exploitationFields(e: Obj): DocField[] {
  const loc = obj(e.location)
  const period = obj(e.period)
  const types = Array.isArray(e.types)
    ? e.types.map((t) => exploitationTypeLabels[t as keyof typeof exploitationTypeLabels] ?? String(t)).join(', ')
    : ''
  const exploiters = Array.isArray(e.exploiters)
    ? e.exploiters
        .map((x) => {
          const p = obj(x)
          return [text(p.name), text(p.description), text(p.relationship)].filter(Boolean).join(': ')
        })
        .join('; ')
    : ''
  const signs = Array.isArray(e.indicatorIds)
    ? e.indicatorIds.map((id) => indicatorById(String(id))?.title ?? String(id)).join('; ')
    : ''
  return [
    field('Types of exploitation', e.typeNotKnown === true ? 'Not known' : types, 'exploitation'),
    field('County lines', yesNo(e.countyLines), 'exploitation'),
    field('Where', whereLabels[text(loc.where)] ?? '', 'exploitation'),
    field('Police force area', forceName(loc.policeForceArea), 'exploitation'),
    field('Places', list(loc.places), 'exploitation'),
    field('Countries', list(loc.countries), 'exploitation'),
    field('Started', ukDate(text(period.startedOn)), 'exploitation'),
    field('Ended', period.ongoing === true ? 'Still going on' : ukDate(text(period.endedOn)), 'exploitation'),
    field('When, in words', text(period.description), 'exploitation'),
    field('Recruitment', text(e.recruitment), 'account'),
    field('Control', text(e.control), 'account'),
    field('Movement', text(e.movement), 'account'),
    field('Exploiters', exploiters, 'account'),
    field('Account', text(e.account), 'account'),
    field('Signs recorded at the encounter', signs, null),
  ]
}

/**
 * The referral as labelled sections in the order of the Home Office form (law-and-process.md §2.11, structure
 * UNCONFIRMED): one builder for the check answers page, the JSON export and the PDF, so they cannot disagree.
 */
export function referralDocument(loaded: LoadedReferral): DocSection[] {
  const { row, consentRows, safeguarding } = loaded
  const fr = obj(row.firstResponder)
  const sections: DocSection[] = []
  for (const s of NRM_FORM_SECTIONS) {
    const fields: DocField[] = []
    switch (s.key) {
      case 'firstResponder':
        fields.push(
          field('Name', text(fr.name), 'first-responder'),
          field('Role', text(fr.role), 'first-responder'),
          field('Force', forceName(fr.forceId), 'first-responder'),
          field('Work email', text(fr.email), 'first-responder'),
          field('Phone', text(fr.phone), 'first-responder'),
        )
        break
      case 'kind':
        fields.push(
          field('Referral type', referralKindLabels[row.kind], null),
          field('Age', ageStatusLabels[row.ageStatus], null),
          field('Reference in Lantern', row.reference, null),
          field('Home Office reference', row.homeOfficeReference ?? 'Not yet recorded', null),
        )
        if (row.referralReason) fields.push(field('Why referred with no signs recorded', row.referralReason, null))
        break
      case 'consent': {
        if (row.kind === 'nrm-child') continue
        const latest = consentRows.filter((c) => c.scope === 'nrm').at(-1)
        fields.push(
          field('Consent to an NRM referral', latest ? consentPhrase(latest.type) : 'Not asked yet', 'consent'),
        )
        if (latest) {
          fields.push(
            field('When', ukDateTime(latest.at), 'consent'),
            field('Recorded by', latest.recordedBy, 'consent'),
            field('Language', latest.language ?? '', 'consent'),
            field(
              'Interpreter',
              latest.interpreterUsed === null
                ? ''
                : latest.interpreterUsed
                  ? `Yes, ${latest.interpreterIndependent ? 'independent' : 'not independent'}${latest.interpreterProvider ? ` (${latest.interpreterProvider})` : ''}`
                  : 'No',
              'consent',
            ),
            field('Words used', latest.wordsUsed ?? '', 'consent'),
          )
          if (latest.reason) fields.push(field('Reason given', latest.reason, 'consent'))
        }
        if (row.kind === 'duty-to-notify') {
          const identity = consentRows.find((c) => c.id === row.identityConsentId)
          fields.push(
            field(
              'Consent to share their identity in the report',
              row.identityConsentId
                ? `Given${identity ? ` on ${ukDateTime(identity.at)}` : ''}`
                : 'Not given: the report is anonymous (Modern Slavery Act 2015 s52(3))',
              'identity-consent',
            ),
          )
        }
        break
      }
      case 'safeguardingReferral':
        if (row.kind !== 'nrm-child') continue
        fields.push(
          field('Local authority', safeguarding?.localAuthority ?? '', 'safeguarding'),
          field('When', ukDateTime(safeguarding?.referredAt), 'safeguarding'),
          field('How', safeguarding ? (methodLabels[safeguarding.method] ?? safeguarding.method) : '', 'safeguarding'),
          field('Their reference', safeguarding?.reference ?? '', 'safeguarding'),
          field('Made by', safeguarding?.madeBy ?? '', 'safeguarding'),
          field(
            'Contact at the local authority',
            [safeguarding?.contactName, safeguarding?.contactDetails].filter(Boolean).join(', '),
            'safeguarding',
          ),
        )
        break
      case 'person': {
        const p = obj(row.person)
        if (row.kind === 'duty-to-notify') {
          fields.push(
            field('Gender', genderLabels[text(p.gender)] ?? '', 'dtn-person'),
            field('Age at the time of exploitation', text(p.ageAtExploitation), 'dtn-person'),
            field('Nationalities', list(p.nationalities), 'dtn-person'),
          )
          if (row.identityConsentId) {
            // Only with the person's consent to share their identity (MSA 2015 s52(3)).
            fields.push(
              field('Name', row.personName ?? '', 'dtn-person'),
              field('Other names', (row.otherNames ?? []).join(', '), 'dtn-person'),
              field('Date of birth', ukDate(row.dateOfBirth), 'dtn-person'),
              field('Phone', row.contactPhone ?? '', 'dtn-person'),
              field('Email', row.contactEmail ?? '', 'dtn-person'),
              field('Address', row.address ?? '', 'dtn-person'),
            )
          } else {
            fields.push(
              field('Identifying details', 'None: a Duty to Notify report without consent is anonymous (s52(3))', null),
            )
          }
          break
        }
        fields.push(
          field('Name', row.personName ?? '', 'person'),
          field('Name in their own script', row.nameInOriginalScript ?? '', 'person'),
          field('Other names', (row.otherNames ?? []).join(', '), 'person'),
          field('Date of birth', ukDate(row.dateOfBirth), 'person'),
          field('Estimated age', text(p.estimatedAge), 'person'),
          field('Gender', genderLabels[text(p.gender)] ?? '', 'person'),
          field('Nationalities', list(p.nationalities), 'person'),
          field('Languages', list(p.languages), 'person'),
          field('Needs an interpreter', yesNo(p.interpreterNeeded), 'person'),
          field('Phone', row.contactPhone ?? '', 'person'),
          field('Email', row.contactEmail ?? '', 'person'),
          field('Address', row.address ?? '', 'person'),
          field('Immigration status', text(p.immigrationStatus), 'person'),
        )
        break
      }
      case 'exploitation':
        fields.push(...exploitationFields(obj(row.exploitation)))
        break
      case 'needsAndRisks': {
        if (row.kind === 'duty-to-notify') continue
        const n = obj(row.needsAndRisks)
        fields.push(
          field('Immediate risk', yesNo(n.immediateRisk), 'needs'),
          field('The risk', text(n.riskDetails), 'needs'),
          field('Needs somewhere safe to stay', yesNo(n.accommodationNeeded), 'needs'),
          field('Medical needs', text(n.medicalNeeds), 'needs'),
          field('Other needs', text(n.otherNeeds), 'needs'),
        )
        break
      }
      case 'supportRequested': {
        if (row.kind === 'duty-to-notify') continue
        const sr = obj(row.supportRequested)
        fields.push(
          field('Emergency accommodation', yesNo(sr.emergencyAccommodation), 'support-requested'),
          field('Why', emergencyReasonLabels[text(sr.emergencyAccommodationReason)] ?? '', 'support-requested'),
          field('Place of Safety', yesNo(sr.placeOfSafety), 'support-requested'),
          field(
            'Victim care contract support',
            Array.isArray(sr.msvcc) ? sr.msvcc.map((m) => msvccLabel.get(m) ?? String(m)).join(', ') : '',
            'support-requested',
          ),
        )
        break
      }
      case 'agencies': {
        if (row.kind === 'duty-to-notify') continue
        const a = obj(row.agencies)
        fields.push(
          field('Police crime reference', text(a.crimeReference), 'agencies'),
          field('Local authority', text(a.localAuthority), 'agencies'),
          field('Social worker', text(a.socialWorker), 'agencies'),
          field('Other agencies', list(a.others), 'agencies'),
        )
        break
      }
    }
    sections.push({ key: s.key, title: s.title, fields })
  }
  return sections
}

export function consentPhrase(type: 'given' | 'declined' | 'withdrawn'): string {
  return type === 'given' ? 'Given' : type === 'declined' ? 'Declined' : 'Withdrawn'
}

/**
 * The JSON export: the labelled sections an officer copies into the Home Office form, the same data in the domain's
 * own shape, and the history. A Duty to Notify report carries only what it may hold.
 */
export function referralExport(loaded: LoadedReferral, exportedAt: Date) {
  const { row } = loaded
  const identityConsent = loaded.consentRows.find((c) => c.id === row.identityConsentId)
  return {
    format: 'lantern.referral-export.v1',
    exportedAt: exportedAt.toISOString(),
    reference: row.reference,
    kind: row.kind,
    kindLabel: referralKindLabels[row.kind],
    status: row.status,
    statusLabel: referralStatusLabels[row.status],
    homeOfficeReference: row.homeOfficeReference,
    submittedAt: iso(row.submittedAt),
    referralRules: row.referralRules,
    calendarRules: row.calendarRules,
    formStructureSource: NRM_FORM_STRUCTURE_SOURCE,
    sections: referralDocument(loaded).map((s) => ({
      key: s.key,
      title: s.title,
      fields: s.fields.map(({ label, value }) => ({ label, value })),
    })),
    data:
      row.kind === 'duty-to-notify'
        ? dtnInput(row, loaded.consent, identityConsent)
        : nrmInput(row, loaded.consentRows, loaded.safeguarding),
    decisions: loaded.decisions.map((d) => ({
      type: d.type,
      outcome: d.outcome,
      on: d.decidedOn,
      grounds: d.grounds,
      referralRules: d.referralRules,
      calendarRules: d.calendarRules,
      details: d.details,
      warnings: d.warnings,
    })),
    support: loaded.support.map((s) => s.record),
    transfers: loaded.transfers.map((t) => ({
      from: forceName(t.fromForceId),
      to: forceName(t.toForceId),
      by: t.byName,
      at: iso(t.at),
      note: t.note,
    })),
  }
}

export const firstResponderRoleLabel = (role: keyof typeof roleLabels) => roleLabels[role]
