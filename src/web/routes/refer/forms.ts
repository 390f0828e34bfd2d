import { z } from 'zod'
import { CgOutcome, IctgService, MsvccItem, RgOutcome } from '../../../domain/referral/index.js'
import { ExploitationType } from '../../../domain/shared/vocabulary.js'
import { ukLocalToInstant } from '../../../services/refer/time.js'

type Ctx = z.RefinementCtx

const str = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim())
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean))
const optional = (max: number, what: string) =>
  str.pipe(z.string().max(max, `${what} must be ${max} characters or fewer`)).transform((v) => v || null)
const required = (message: string, max = 2000) =>
  str.pipe(z.string().min(1, message).max(max, `This answer must be ${max} characters or fewer`))
const yesNo = (message: string) => str.pipe(z.enum(['yes', 'no'], { error: message })).transform((v) => v === 'yes')
const lines = (v: string | null) =>
  (v ?? '')
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean)

/** Day, month and year boxes → YYYY-MM-DD, or null when all are empty and the date is optional. */
function dateOf(v: Record<string, unknown>, prefix: string, what: string, isRequired: boolean, ctx: Ctx) {
  const [d, m, y] = [`${prefix}-day`, `${prefix}-month`, `${prefix}-year`].map((k) => String(v[k] ?? '').trim()) as [
    string,
    string,
    string,
  ]
  const path = [`${prefix}-day`]
  if (!d && !m && !y) {
    if (isRequired) ctx.addIssue({ code: 'custom', path, message: `Enter ${what}` })
    return null
  }
  if (!d || !m || !y) {
    ctx.addIssue({ code: 'custom', path, message: `${capital(what)} must include a day, month and year` })
    return null
  }
  const iso = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const date = new Date(`${iso}T00:00:00Z`)
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y) || date.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: 'custom', path, message: `${capital(what)} must be a real date` })
    return null
  }
  return iso
}

function timeOf(v: Record<string, unknown>, field: string, ctx: Ctx): string | null {
  const m = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(String(v[field] ?? '').trim())
  if (!m) {
    ctx.addIssue({ code: 'custom', path: [field], message: 'Enter the time as hours and minutes, like 14:30' })
    return null
  }
  return `${(m[1] ?? '0').padStart(2, '0')}:${m[2]}`
}

/** Date boxes plus a time → an ISO instant in UK time; the service refuses one in the future. */
function instantOf(v: Record<string, unknown>, prefix: string, what: string, ctx: Ctx): string | null {
  const date = dateOf(v, prefix, what, true, ctx)
  const time = timeOf(v, `${prefix}-time`, ctx)
  if (!date || !time) return null
  return ukLocalToInstant(`${date}T${time}:00`).toISOString()
}

function notFuture(date: string | null, today: string, path: string, what: string, ctx: Ctx) {
  if (date && date > today)
    ctx.addIssue({ code: 'custom', path: [path], message: `${capital(what)} cannot be in the future` })
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const dateBoxes = (prefix: string) => ({
  [`${prefix}-day`]: str,
  [`${prefix}-month`]: str,
  [`${prefix}-year`]: str,
})

export const FirstResponderForm = (forceId: string) =>
  z
    .object({
      name: required('Enter the first responder’s name', 200),
      role: required('Enter the first responder’s role', 200),
      email: required('Enter the first responder’s work email address, like name@police.uk', 320),
      phone: optional(50, 'The phone number'),
    })
    .transform((v) => ({ ...v, forceId }))

export const ageStatusItems = [
  { value: 'adult', text: 'Adult (18 or over)' },
  { value: 'child', text: 'Child (under 18)' },
  { value: 'age-unknown', text: 'Age not known' },
  { value: 'age-disputed', text: 'Age disputed' },
]
export const genderItems = [
  { value: 'female', text: 'Female' },
  { value: 'male', text: 'Male' },
  { value: 'other', text: 'Other' },
  { value: 'not-known', text: 'Not known' },
]

export const PersonForm = (today: string) =>
  z
    .object({
      name: required('Enter the person’s name as they give it', 200),
      nameInOriginalScript: optional(200, 'The name in their own script'),
      otherNames: optional(1000, 'Other names'),
      ...dateBoxes('dateOfBirth'),
      estimatedAge: str,
      ageStatus: str.pipe(
        z.enum(['adult', 'child', 'age-unknown', 'age-disputed'], {
          error: 'Select whether the person is an adult, a child, or their age is not known or disputed',
        }),
      ),
      gender: str.pipe(
        z.enum(['female', 'male', 'other', 'not-known'], { error: 'Select the person’s gender, or not known' }),
      ),
      nationalities: optional(500, 'Nationalities'),
      languages: required('Enter at least one language the person speaks', 500),
      interpreterNeeded: yesNo('Select yes if the person needs an interpreter'),
      phone: optional(50, 'The phone number'),
      email: optional(320, 'The email address'),
      address: optional(1000, 'The address'),
      immigrationStatus: optional(500, 'The immigration status'),
    })
    .transform((v, ctx) => {
      const dateOfBirth = dateOf(v, 'dateOfBirth', 'the date of birth', false, ctx)
      notFuture(dateOfBirth, today, 'dateOfBirth-day', 'the date of birth', ctx)
      let estimatedAge: number | null = null
      if (v.estimatedAge) {
        if (!/^\d{1,3}$/.test(v.estimatedAge) || Number(v.estimatedAge) > 120) {
          ctx.addIssue({
            code: 'custom',
            path: ['estimatedAge'],
            message: 'Enter the estimated age as a whole number of years, like 17',
          })
        } else estimatedAge = Number(v.estimatedAge)
      }
      return {
        name: v.name,
        nameInOriginalScript: v.nameInOriginalScript,
        aliases: lines(v.otherNames),
        dateOfBirth,
        estimatedAge,
        ageStatus: v.ageStatus,
        gender: v.gender,
        nationalities: lines(v.nationalities),
        languages: lines(v.languages),
        interpreterNeeded: v.interpreterNeeded,
        contact: { phone: v.phone, email: v.email },
        address: v.address,
        immigrationStatus: v.immigrationStatus,
      }
    })

/**
 * The Duty to Notify report's person section. The page offers the identifying fields only when the person consents to
 * share their identity (s52(3)); they are passed on only when filled in, so the service refuses them without consent.
 */
export const DtnPersonForm = (today: string) =>
  z
    .object({
      gender: str.pipe(
        z.enum(['female', 'male', 'other', 'not-known'], { error: 'Select the person’s gender, or not known' }),
      ),
      ageAtExploitation: str,
      nationalities: optional(500, 'Nationalities'),
      name: optional(200, 'The name'),
      otherNames: optional(1000, 'Other names'),
      ...dateBoxes('dateOfBirth'),
      phone: optional(50, 'The phone number'),
      email: optional(320, 'The email address'),
      address: optional(1000, 'The address'),
    })
    .transform((v, ctx) => {
      let ageAtExploitation: number | null = null
      if (v.ageAtExploitation) {
        if (!/^\d{1,3}$/.test(v.ageAtExploitation) || Number(v.ageAtExploitation) > 120) {
          ctx.addIssue({
            code: 'custom',
            path: ['ageAtExploitation'],
            message: 'Enter the age at the time of exploitation as a whole number of years, like 24',
          })
        } else ageAtExploitation = Number(v.ageAtExploitation)
      }
      const base = { gender: v.gender, ageAtExploitation, nationalities: lines(v.nationalities) }
      const dateOfBirth = dateOf(v, 'dateOfBirth', 'the date of birth', false, ctx)
      notFuture(dateOfBirth, today, 'dateOfBirth-day', 'the date of birth', ctx)
      const otherNames = lines(v.otherNames)
      const identity = v.name || otherNames.length > 0 || dateOfBirth || v.phone || v.email || v.address
      if (!identity) return base
      return {
        ...base,
        name: v.name ?? '',
        otherNames,
        dateOfBirth,
        contact: { phone: v.phone, email: v.email },
        address: v.address,
      }
    })

export const exploitationTypeItems = [
  ...ExploitationType.options.map((value) => ({
    value,
    text: {
      labour: 'Labour exploitation',
      sexual: 'Sexual exploitation',
      criminal: 'Criminal exploitation',
      'domestic-servitude': 'Domestic servitude',
      'organ-harvesting': 'Organ harvesting',
    }[value],
  })),
  { value: 'not-known', text: 'Not known yet' },
]

export const ExploitationForm = (today: string) =>
  z
    .object({
      types: many,
      countyLines: many,
      where: str.pipe(z.enum(['uk', 'overseas', 'both'], { error: 'Select where the exploitation happened' })),
      policeForceArea: str,
      places: optional(2000, 'The places'),
      countries: optional(500, 'The countries'),
      ...dateBoxes('startedOn'),
      ...dateBoxes('endedOn'),
      ongoing: yesNo('Select yes if the exploitation is still going on'),
      periodDescription: optional(500, 'The description of when'),
    })
    .transform((v, ctx) => {
      const startedOn = dateOf(v, 'startedOn', 'the date the exploitation started', false, ctx)
      const endedOn = dateOf(v, 'endedOn', 'the date the exploitation ended', false, ctx)
      notFuture(startedOn, today, 'startedOn-day', 'the date the exploitation started', ctx)
      notFuture(endedOn, today, 'endedOn-day', 'the date the exploitation ended', ctx)
      const typeNotKnown = v.types.includes('not-known')
      const types = v.types.filter((t) => t !== 'not-known')
      for (const t of types) {
        if (!ExploitationType.safeParse(t).success) {
          ctx.addIssue({ code: 'custom', path: ['types'], message: 'Select types of exploitation from the list' })
        }
      }
      const inUk = v.where === 'uk' || v.where === 'both'
      if (inUk && !v.policeForceArea) {
        ctx.addIssue({
          code: 'custom',
          path: ['policeForceArea'],
          message: 'Select the police force area where it happened',
        })
      }
      const countries = lines(v.countries)
      if (v.where !== 'uk' && countries.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['countries'], message: 'Enter at least one country where it happened' })
      }
      const places = lines(v.places)
      const location =
        v.where === 'uk'
          ? { where: 'uk' as const, policeForceArea: v.policeForceArea, places }
          : v.where === 'overseas'
            ? { where: 'overseas' as const, countries }
            : { where: 'both' as const, policeForceArea: v.policeForceArea, places, countries }
      return {
        types,
        typeNotKnown,
        countyLines: v.countyLines.includes('yes'),
        location,
        period: { startedOn, endedOn, ongoing: v.ongoing, description: v.periodDescription },
      }
    })

export const AccountForm = z
  .object({
    recruitment: optional(5000, 'Recruitment'),
    control: optional(5000, 'Control'),
    movement: optional(5000, 'Movement'),
    exploiters: optional(5000, 'The exploiters'),
    account: required('Enter the account of what happened, in the person’s words where possible', 20_000),
  })
  .transform((v) => ({
    ...v,
    exploiters: (v.exploiters ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((description) => ({ description })),
  }))

export const NeedsForm = z
  .object({
    immediateRisk: yesNo('Select yes if the person is at immediate risk'),
    riskDetails: optional(5000, 'The risk'),
    accommodationNeeded: yesNo('Select yes if the person needs somewhere safe to stay'),
    medicalNeeds: optional(5000, 'Medical needs'),
    otherNeeds: optional(5000, 'Other needs'),
  })
  .superRefine((v, ctx) => {
    if (v.immediateRisk && !v.riskDetails) {
      ctx.addIssue({ code: 'custom', path: ['riskDetails'], message: 'Describe the immediate risk to the person' })
    }
  })

export const SupportRequestedForm = z
  .object({
    emergencyAccommodation: yesNo('Select yes if emergency accommodation is requested'),
    emergencyAccommodationReason: str,
    placeOfSafety: yesNo('Select yes if a Place of Safety is requested'),
    msvcc: many,
  })
  .transform((v, ctx) => {
    const reason = v.emergencyAccommodationReason || null
    if (v.emergencyAccommodation && !reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyAccommodationReason'],
        message: 'Select why emergency accommodation is needed',
      })
    }
    const msvcc = v.msvcc.filter((m) => MsvccItem.safeParse(m).success)
    if (msvcc.length !== v.msvcc.length) {
      ctx.addIssue({ code: 'custom', path: ['msvcc'], message: 'Select support from the list' })
    }
    return {
      emergencyAccommodation: v.emergencyAccommodation,
      emergencyAccommodationReason: v.emergencyAccommodation ? reason : null,
      placeOfSafety: v.placeOfSafety,
      msvcc,
    }
  })

export const AgenciesForm = z
  .object({
    crimeReference: optional(100, 'The crime reference'),
    localAuthority: optional(200, 'The local authority'),
    socialWorker: optional(200, 'The social worker'),
    others: optional(2000, 'Other agencies'),
  })
  .transform((v) => ({ ...v, others: lines(v.others) }))

export const ConsentForm = z
  .object({
    type: str,
    ...dateBoxes('at'),
    'at-time': str,
    language: optional(100, 'The language'),
    interpreter: str,
    interpreterProvider: optional(200, 'The interpreting service'),
    wordsUsed: optional(10_000, 'The words used'),
    reason: optional(2000, 'The reason'),
  })
  .transform((v, ctx) => {
    // Every answer is checked at once, so the error summary lists all that is missing.
    const type = ['given', 'declined', 'withdrawn'].includes(v.type)
      ? (v.type as 'given' | 'declined' | 'withdrawn')
      : null
    if (!type) ctx.addIssue({ code: 'custom', path: ['type'], message: 'Select the person’s answer' })
    const at = instantOf(v, 'at', 'the date they answered', ctx)
    const conversationNeeded = type !== 'withdrawn'
    if (conversationNeeded && !v.language) {
      ctx.addIssue({ code: 'custom', path: ['language'], message: 'Enter the language the conversation was in' })
    }
    const interpreter = ['none', 'independent', 'not-independent'].includes(v.interpreter)
      ? (v.interpreter as 'none' | 'independent' | 'not-independent')
      : undefined
    if (conversationNeeded && !interpreter) {
      ctx.addIssue({ code: 'custom', path: ['interpreter'], message: 'Select whether an interpreter was used' })
    }
    if (conversationNeeded && !v.wordsUsed) {
      ctx.addIssue({
        code: 'custom',
        path: ['wordsUsed'],
        message: 'Enter the words you used to explain the NRM and ask for consent',
      })
    }
    if (!type) return z.NEVER
    return {
      type,
      at: at ?? '',
      language: v.language ?? undefined,
      interpreter,
      interpreterProvider: v.interpreterProvider ?? undefined,
      wordsUsed: v.wordsUsed ?? undefined,
      reason: v.reason ?? undefined,
    }
  })

/** Consent to share identity in a Duty to Notify report: given (with the conversation) or withdrawn (s52(3)). */
export const IdentityConsentForm = z
  .object({
    type: str,
    ...dateBoxes('at'),
    'at-time': str,
    language: optional(100, 'The language'),
    interpreter: str,
    interpreterProvider: optional(200, 'The interpreting service'),
    wordsUsed: optional(10_000, 'The words used'),
    reason: optional(2000, 'The reason'),
  })
  .transform((v, ctx) => {
    const type = v.type === 'given' || v.type === 'withdrawn' ? (v.type as 'given' | 'withdrawn') : null
    if (!type) {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: 'Say whether the person gave or withdrew consent to share their identity',
      })
      return z.NEVER
    }
    const at = instantOf(v, 'at', type === 'given' ? 'the date they agreed' : 'the date they withdrew consent', ctx)
    const interpreter = ['none', 'independent', 'not-independent'].includes(v.interpreter)
      ? (v.interpreter as 'none' | 'independent' | 'not-independent')
      : undefined
    if (type === 'given') {
      // Every answer is checked at once, so the error summary lists all that is missing.
      if (!v.language) {
        ctx.addIssue({ code: 'custom', path: ['language'], message: 'Enter the language the conversation was in' })
      }
      if (!interpreter) {
        ctx.addIssue({ code: 'custom', path: ['interpreter'], message: 'Select whether an interpreter was used' })
      }
      if (!v.wordsUsed) {
        ctx.addIssue({
          code: 'custom',
          path: ['wordsUsed'],
          message: 'Enter the words you used to ask whether they agree to be named in the report',
        })
      }
    }
    return {
      type,
      at: at ?? '',
      language: v.language ?? undefined,
      interpreter,
      interpreterProvider: v.interpreterProvider ?? undefined,
      wordsUsed: v.wordsUsed ?? undefined,
      reason: v.reason ?? undefined,
    }
  })

export const SafeguardingForm = z
  .object({
    localAuthority: required('Enter the name of the local authority the referral went to', 200),
    ...dateBoxes('referredAt'),
    'referredAt-time': str,
    method: str.pipe(
      z.enum(['phone', 'email', 'online-form', 'in-person'], {
        error: 'Select how the safeguarding referral was made',
      }),
    ),
    reference: optional(100, 'Their reference'),
    madeBy: required('Enter who made the safeguarding referral', 200),
    contactName: optional(200, 'The contact’s name'),
    contactDetails: optional(500, 'The contact details'),
  })
  .transform((v, ctx) => {
    const referredAt = instantOf(v, 'referredAt', 'the date of the safeguarding referral', ctx)
    return {
      localAuthority: v.localAuthority,
      referredAt: referredAt ?? '',
      method: v.method,
      reference: v.reference ?? undefined,
      madeBy: v.madeBy,
      contactName: v.contactName ?? undefined,
      contactDetails: v.contactDetails ?? undefined,
    }
  })

export const ReferenceForm = z.object({
  homeOfficeReference: required('Enter the Home Office reference', 100),
})

export const WithdrawForm = z.object({
  reason: required('Give the reason for withdrawing the referral', 2000),
})

export const TransferForm = (ownForceId: string) =>
  z.object({
    toForceId: str.pipe(
      z
        .string()
        .min(1, 'Select the force to transfer the referral to')
        .refine((f) => f !== ownForceId, 'The referral is already with your force: select another force'),
    ),
    note: optional(2000, 'The note'),
  })

export const StartForm = z.object({ reason: optional(2000, 'The reason') })

export const DecisionForm = z
  .object({
    type: str.pipe(z.enum(['rg', 'cg', 'reconsideration'], { error: 'Select which decision to record' })),
    outcome: str,
    ...dateBoxes('decidedOn'),
    grounds: optional(5000, 'The grounds'),
  })
  .transform((v, ctx) => {
    const on = dateOf(
      v,
      'decidedOn',
      v.type === 'reconsideration' ? 'the date reconsideration was asked for' : 'the date of the decision',
      true,
      ctx,
    )
    if (v.type === 'rg') {
      const outcome = RgOutcome.safeParse(v.outcome)
      if (!outcome.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcome'],
          message: 'Select whether the decision was positive or negative',
        })
        return z.NEVER
      }
      return { type: 'rg' as const, outcome: outcome.data, decidedOn: on ?? '' }
    }
    if (v.type === 'cg') {
      const outcome = CgOutcome.safeParse(v.outcome)
      if (!outcome.success) {
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Select the Conclusive Grounds outcome' })
        return z.NEVER
      }
      return { type: 'cg' as const, outcome: outcome.data, decidedOn: on ?? '' }
    }
    if (!v.grounds) {
      ctx.addIssue({ code: 'custom', path: ['grounds'], message: 'Give the grounds for asking for reconsideration' })
      return z.NEVER
    }
    return { type: 'reconsideration' as const, requestedOn: on ?? '', grounds: v.grounds }
  })

export const supportTypeItems = [
  { value: 'msvcc', text: 'Support under the victim care contract' },
  { value: 'emergency-accommodation', text: 'Emergency accommodation' },
  { value: 'place-of-safety', text: 'A Place of Safety (up to 3 working days)' },
  { value: 'ictg', text: 'An Independent Child Trafficking Guardian (children only)' },
]
export const SupportTypeForm = z.object({
  type: str.pipe(
    z.enum(['msvcc', 'emergency-accommodation', 'place-of-safety', 'ictg'], { error: 'Select the kind of support' }),
  ),
})

export const SupportForm = (type: 'msvcc' | 'emergency-accommodation' | 'place-of-safety' | 'ictg') =>
  z
    .object({
      item: str,
      reason: str,
      ...dateBoxes('offeredOn'),
      response: str.pipe(
        z.enum(['pending', 'accepted', 'declined'], { error: 'Select whether the person accepted the offer' }),
      ),
      ...dateBoxes('respondedOn'),
      ...dateBoxes('startedOn'),
      ...dateBoxes('endedOn'),
      provider: optional(200, 'The provider'),
      localAuthority: optional(200, 'The local authority'),
      service: str,
      ...dateBoxes('allocatedOn'),
      notes: optional(2000, 'The notes'),
    })
    .transform((v, ctx) => {
      const r: Record<string, unknown> = v
      const offeredOn = dateOf(r, 'offeredOn', 'the date support was offered', true, ctx)
      const respondedOn = dateOf(r, 'respondedOn', 'the date the person answered', false, ctx)
      const base = { offeredOn: offeredOn ?? '', response: v.response, respondedOn, notes: v.notes }
      if (type === 'msvcc') {
        if (!MsvccItem.safeParse(v.item).success) {
          ctx.addIssue({ code: 'custom', path: ['item'], message: 'Select the support offered' })
        }
        return { type, item: v.item, ...base }
      }
      if (type === 'emergency-accommodation') {
        if (!['destitute', 'destitute-within-two-weeks', 'no-safe-housing'].includes(v.reason)) {
          ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Select why emergency accommodation is needed' })
        }
        return { type, reason: v.reason, ...base }
      }
      if (type === 'place-of-safety') {
        return {
          type,
          ...base,
          startedOn: dateOf(r, 'startedOn', 'the date the stay started', false, ctx),
          endedOn: dateOf(r, 'endedOn', 'the date the stay ended', false, ctx),
          provider: v.provider,
        }
      }
      if (!v.localAuthority) {
        ctx.addIssue({
          code: 'custom',
          path: ['localAuthority'],
          message: 'Enter the local authority for the guardian referral',
        })
      }
      return {
        type,
        ...base,
        localAuthority: v.localAuthority ?? '',
        service: IctgService.safeParse(v.service).success ? v.service : 'not-known',
        allocatedOn: dateOf(r, 'allocatedOn', 'the date a guardian was allocated', false, ctx),
      }
    })

export const EndStayForm = z
  .object({ ...dateBoxes('endedOn') })
  .transform((v, ctx) => dateOf(v, 'endedOn', 'the date the stay ended', true, ctx) ?? '')

export const contactChannelItems = [
  { value: 'phone-call', text: 'Phone call' },
  { value: 'text-message', text: 'Text message' },
  { value: 'email', text: 'Email' },
  { value: 'post', text: 'Post' },
  { value: 'in-person', text: 'In person' },
  { value: 'via-support-worker', text: 'Through their support worker' },
  { value: 'via-legal-representative', text: 'Through their legal representative' },
]

export const ContactPreferencesForm = z
  .object({
    channels: many,
    detail: optional(500, 'The contact details'),
    safeToLeaveMessage: str,
    contactDeclined: many,
    language: required('Enter the language to use', 100),
    interpreterNeeded: yesNo('Select yes if an interpreter is needed'),
    bestTimes: optional(500, 'The best times'),
    avoid: optional(1000, 'What to avoid'),
  })
  .transform((v, ctx) => {
    const declined = v.contactDeclined.includes('yes')
    if (v.channels.length > 0 && !['yes', 'no'].includes(v.safeToLeaveMessage)) {
      ctx.addIssue({
        code: 'custom',
        path: ['safeToLeaveMessage'],
        message: 'Select yes if it is safe to leave a message',
      })
    }
    return {
      methods: v.channels.map((channel) => ({
        channel,
        detail: v.detail,
        safeToLeaveMessage: v.safeToLeaveMessage === 'yes',
      })),
      contactDeclined: declined,
      language: v.language,
      interpreterNeeded: v.interpreterNeeded,
      bestTimes: v.bestTimes,
      avoid: v.avoid,
    }
  })

export const cgOutcomeItems = CgOutcome.options
