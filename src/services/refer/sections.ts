import type { ConsentEventRow, ReferralRow, SafeguardingRow } from '../../db/repositories/referrals.js'
import { type ConsentState, type Issue, isTreatedAsChild } from '../../domain/referral/index.js'
import { latestConsentGiven, safeguardingOf } from './model.js'

/** The sections of a referral, in the order of the Home Office form (law-and-process.md §2.11, UNCONFIRMED). */
export const SECTION_KEYS = [
  'consent',
  'identity-consent',
  'safeguarding',
  'first-responder',
  'person',
  'dtn-person',
  'exploitation',
  'account',
  'needs',
  'support-requested',
  'agencies',
] as const
export type SectionKey = (typeof SECTION_KEYS)[number]

/** Sections filled in on the section pages (consent and safeguarding have their own services). */
export const FORM_SECTIONS = [
  'first-responder',
  'person',
  'dtn-person',
  'exploitation',
  'account',
  'needs',
  'support-requested',
  'agencies',
] as const satisfies readonly SectionKey[]
export type FormSectionKey = (typeof FORM_SECTIONS)[number]

export const sectionTitles: Record<SectionKey, string> = {
  consent: 'Informed consent',
  'identity-consent': 'Consent to share identity',
  safeguarding: 'Safeguarding referral to the local authority',
  'first-responder': 'First responder',
  person: 'The potential victim',
  'dtn-person': 'About the person (no identifying details)',
  exploitation: 'Exploitation: type, place and time',
  account: 'Exploitation: what happened and who was involved',
  needs: 'Needs and risks',
  'support-requested': 'Support requested',
  agencies: 'Agencies involved',
}

export function sectionsFor(kind: ReferralRow['kind']): SectionKey[] {
  if (kind === 'nrm-child') {
    return [
      'safeguarding',
      'first-responder',
      'person',
      'exploitation',
      'account',
      'needs',
      'support-requested',
      'agencies',
    ]
  }
  if (kind === 'nrm-adult') {
    return ['consent', 'first-responder', 'person', 'exploitation', 'account', 'needs', 'support-requested', 'agencies']
  }
  return ['consent', 'first-responder', 'dtn-person', 'exploitation', 'account']
}

/** A Duty to Notify report with consent to share identity asks for the person's identity too (s52(3)). */
export function sectionTitleFor(key: SectionKey, row: Pick<ReferralRow, 'identityConsentId'>): string {
  return key === 'dtn-person' && row.identityConsentId !== null ? 'About the person' : sectionTitles[key]
}

const has = (o: Record<string, unknown> | null | undefined, key: string) =>
  o !== null && o !== undefined && o[key] !== undefined && o[key] !== null

export function sectionComplete(
  key: SectionKey,
  row: ReferralRow,
  consent: ConsentState,
  safeguarding: SafeguardingRow | undefined,
): boolean {
  switch (key) {
    case 'consent':
      return row.kind === 'duty-to-notify'
        ? consent.status === 'declined' || consent.status === 'withdrawn'
        : consent.status === 'given'
    case 'identity-consent':
      // Optional: without it the report is anonymous, which is complete (law-and-process.md §2.5).
      return true
    case 'safeguarding':
      return safeguarding !== undefined
    case 'first-responder':
      return row.firstResponder !== null
    case 'person':
      return row.personName !== null && has(row.person, 'gender')
    case 'dtn-person':
      // With consent to share identity the report names the person (IdentifiedDutyToNotifyReport needs the name).
      return has(row.person, 'gender') && (row.identityConsentId === null || row.personName !== null)
    case 'exploitation':
      return has(row.exploitation, 'location')
    case 'account':
      return has(row.exploitation, 'account')
    case 'needs':
      return row.needsAndRisks !== null
    case 'support-requested':
      return row.supportRequested !== null
    case 'agencies':
      return row.agencies !== null
  }
}

/**
 * What must come first (law-and-process.md §2.3, §2.4, §9.2): a child's safeguarding referral, an adult's answer
 * about consent. Returns the reason a section cannot be started yet, or null.
 */
export function sectionBlockedBy(
  key: SectionKey,
  row: ReferralRow,
  consent: ConsentState,
  safeguarding: SafeguardingRow | undefined,
): string | null {
  if (key === 'consent' || key === 'safeguarding') return null
  if (row.kind === 'nrm-child' && !safeguarding) {
    return 'Record the safeguarding referral to the local authority first: a child is safeguarded, then referred'
  }
  if (row.kind === 'nrm-adult' && consent.status !== 'given') {
    return 'Record the person’s informed consent to the NRM referral first'
  }
  if (row.kind === 'duty-to-notify' && consent.status !== 'declined' && consent.status !== 'withdrawn') {
    return 'Record the person’s answer about consent first'
  }
  return null
}

/** The record as the domain's NrmReferral schema reads it. */
export function nrmInput(
  row: ReferralRow,
  consentRows: readonly ConsentEventRow[],
  safeguarding: SafeguardingRow | undefined,
) {
  const person = {
    ...row.person,
    name: row.personName ?? undefined,
    nameInOriginalScript: row.nameInOriginalScript,
    aliases: row.otherNames ?? [],
    dateOfBirth: row.dateOfBirth,
    ageStatus: row.ageStatus,
    contact: { phone: row.contactPhone, email: row.contactEmail },
    address: row.address,
  }
  const common = {
    kind: row.kind,
    firstResponder: row.firstResponder ?? undefined,
    person,
    exploitation: row.exploitation,
    needsAndRisks: row.needsAndRisks ?? undefined,
    supportRequested: row.supportRequested ?? undefined,
    agencies: row.agencies ?? undefined,
  }
  if (row.kind === 'nrm-child') {
    return { ...common, safeguardingReferral: safeguarding ? safeguardingOf(safeguarding) : undefined }
  }
  return { ...common, consent: latestConsentGiven(consentRows) ?? undefined }
}

/** The record as the domain's DutyToNotifyReport schema reads it: only what the row may hold. */
export function dtnInput(row: ReferralRow, consent: ConsentState, identityConsent: ConsentEventRow | undefined) {
  const person = row.person as Record<string, unknown>
  const base = {
    firstResponder: row.firstResponder ?? undefined,
    ageStatus: row.ageStatus,
    nrmConsent: consent.status,
    gender: person.gender,
    ageAtExploitation: person.ageAtExploitation ?? null,
    nationalities: person.nationalities ?? [],
    exploitation: row.exploitation,
  }
  if (row.identityConsentId === null || !identityConsent) return { consentToShareIdentity: false, ...base }
  return {
    consentToShareIdentity: true,
    identityConsent: {
      givenAt: new Date(identityConsent.at).toISOString(),
      recordedBy: identityConsent.recordedBy,
      conversation: {
        language: identityConsent.language,
        interpreter: identityConsent.interpreterUsed
          ? {
              used: true,
              independent: identityConsent.interpreterIndependent === true,
              provider: identityConsent.interpreterProvider,
            }
          : { used: false },
        wordsUsed: identityConsent.wordsUsed,
      },
    },
    ...base,
    name: row.personName ?? undefined,
    otherNames: row.otherNames ?? [],
    dateOfBirth: row.dateOfBirth,
    contactDetails: { phone: row.contactPhone, email: row.contactEmail },
    addresses: row.address ? [row.address] : [],
    photographs: row.photographs ?? [],
  }
}

const ACCOUNT_FIELDS = ['recruitment', 'control', 'movement', 'exploiters', 'account', 'indicatorIds']

/** Which section page fixes a problem the domain found, for the links in the error summary. */
export function sectionOfIssue(issue: Issue, kind: ReferralRow['kind']): SectionKey {
  const [head, next] = issue.path.split('.')
  switch (head) {
    case 'firstResponder':
      return 'first-responder'
    case 'person':
      return kind === 'duty-to-notify' ? 'dtn-person' : 'person'
    case 'gender':
    case 'ageAtExploitation':
    case 'nationalities':
      return 'dtn-person'
    case 'name':
    case 'otherNames':
    case 'dateOfBirth':
    case 'contactDetails':
    case 'addresses':
    case 'photographs':
      return kind === 'duty-to-notify' ? 'dtn-person' : 'person'
    case 'identityConsent':
    case 'consentToShareIdentity':
      return 'identity-consent'
    case 'exploitation':
      return next && ACCOUNT_FIELDS.includes(next) ? 'account' : 'exploitation'
    case 'needsAndRisks':
      return 'needs'
    case 'supportRequested':
      return 'support-requested'
    case 'agencies':
      return 'agencies'
    case 'safeguardingReferral':
      return 'safeguarding'
    case 'ageStatus':
      return kind === 'duty-to-notify' ? 'dtn-person' : 'person'
    default:
      return kind === 'nrm-child' ? 'safeguarding' : 'consent'
  }
}

export function isChildKind(row: Pick<ReferralRow, 'ageStatus'>): boolean {
  return isTreatedAsChild(row.ageStatus)
}
