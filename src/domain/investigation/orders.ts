import { z } from 'zod'
import { IsoDate } from './dates.js'

// The register of Slavery and Trafficking Prevention Orders (STPO) and Risk Orders (STRO), Modern Slavery Act
// 2015 Part 2 (England and Wales only): law-and-process.md §4.4, §9 item 10.
export const orderKinds = ['stpo', 'stro'] as const
export const OrderKind = z.enum(orderKinds)
export type OrderKind = z.infer<typeof OrderKind>

export const orderKindLabels: Record<OrderKind, string> = {
  stpo: 'Slavery and Trafficking Prevention Order',
  stro: 'Slavery and Trafficking Risk Order',
}

// s15 and s23 applicants; the GLAA was added later (law-and-process.md §4.4, CONFIRMED).
export const orderApplicants = [
  'chief-officer-of-police',
  'immigration-officer',
  'nca-director-general',
  'glaa',
] as const
export const OrderApplicant = z.enum(orderApplicants)
export type OrderApplicant = z.infer<typeof OrderApplicant>

export const orderApplicantLabels: Record<OrderApplicant, string> = {
  'chief-officer-of-police': 'Chief officer of police',
  'immigration-officer': 'Immigration officer',
  'nca-director-general': 'Director General of the National Crime Agency',
  glaa: 'Gangmasters and Labour Abuse Authority',
}

/** STPO on sentencing (s14) or on application (STPO s15; STRO s23). */
export const OrderRoute = z.enum(['on-sentencing', 'on-application'])
export type OrderRoute = z.infer<typeof OrderRoute>

export const OrderDuration = z.discriminatedUnion('type', [
  z.object({ type: z.literal('fixed'), expiresOn: IsoDate }),
  z.object({ type: z.literal('until-further-order') }),
])
export type OrderDuration = z.infer<typeof OrderDuration>

export const Prohibition = z.object({
  text: z.string().trim().min(1, { error: 'Describe the prohibition.' }),
  /** A foreign travel prohibition (s18) has its own limits. */
  foreignTravel: z.boolean(),
  /** Its own period, when different from the order's (s17); null when it runs with the order. */
  duration: OrderDuration.nullable(),
})
export type Prohibition = z.infer<typeof Prohibition>

export const Breach = z.object({
  occurredOn: IsoDate,
  reportedOn: IsoDate,
  description: z.string().trim().min(1, { error: 'Describe the breach.' }),
  /** What was done about it (e.g. arrest and charge under s30); null until recorded. */
  actionTaken: z.string().trim().min(1).nullable(),
})
export type Breach = z.infer<typeof Breach>

export const CourtType = z.enum(['magistrates', 'youth', 'crown'])

export const PreventionOrder = z.object({
  kind: OrderKind,
  interim: z.boolean(),
  route: OrderRoute,
  applicant: OrderApplicant.nullable(),
  /** For an immigration officer or NCA application, the date the chief officer of police was told (s15). */
  chiefOfficerNotifiedOn: IsoDate.nullable(),
  subjectRef: z.string().min(1),
  /** Age of the person the order is against, on the day of the application, when known. */
  subjectAgeAtApplication: z.number().int().min(0).max(120).nullable(),
  court: z.string().trim().min(1, { error: 'Name the court that made the order.' }),
  courtType: CourtType,
  madeOn: IsoDate,
  startsOn: IsoDate,
  duration: OrderDuration,
  /** For an interim order, the day the main application was decided, which ends it (s21). */
  mainApplicationDecidedOn: IsoDate.nullable(),
  prohibitions: z.array(Prohibition),
  /** Requirement to give name and address to the police (s19). */
  notificationRequirements: z.object({ required: z.boolean(), details: z.string().trim().nullable() }),
  breaches: z.array(Breach),
})
export type PreventionOrder = z.infer<typeof PreventionOrder>
