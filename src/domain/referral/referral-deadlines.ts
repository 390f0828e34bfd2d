import { z } from 'zod'
import {
  calendarDayDeadline,
  Deadline,
  hoursDeadline,
  type IsoDate,
  type IsoInstant,
  isPastDue,
  type Region,
  TimeDeadline,
  ukDateOf,
  workingDayDeadline,
} from '../deadlines/index.js'
import { type ReferralRulesConfig, rulesAt } from './rules.js'

/** A deadline with the referral rule set (rulesAt id) it was worked out under, beside the calendar version. */
export const ReferralDeadline = Deadline.extend({ referralRules: z.string().min(1) })
export type ReferralDeadline = z.infer<typeof ReferralDeadline>

export const ReferralTimeDeadline = TimeDeadline.extend({ referralRules: z.string().min(1) })
export type ReferralTimeDeadline = z.infer<typeof ReferralTimeDeadline>

// law-and-process.md §2.7 (CONFIRMED): the competent authority aims to decide RG within 5 working days of
// receiving the referral; after that date the officer chases it.
export function rgTargetDeadline(input: { referredOn: IsoDate; region: Region }): ReferralDeadline {
  const rules = rulesAt(input.referredOn)
  return {
    ...workingDayDeadline({
      from: input.referredOn,
      workingDays: rules.rgTargetWorkingDays.value,
      region: input.region,
      what: 'Reasonable Grounds decision target',
    }),
    referralRules: rules.id,
  }
}

/** True from the day after the RG target date while no decision has been recorded: time to chase. */
export function shouldChaseRg(input: {
  referredOn: IsoDate
  region: Region
  decided: boolean
  today: IsoDate
}): boolean {
  return !input.decided && isPastDue(rgTargetDeadline(input), input.today)
}

// law-and-process.md §2.8 (CONFIRMED): a minimum of 45 days for a positive RG before 30 January 2023, 30 days
// from that date; the rule in force on the day of the RG decision applies. `dueDate` is the first day the minimum
// period has run.
export function recoveryPeriodEnd(input: {
  rgPositiveOn: IsoDate
  region: Region
}): ReferralDeadline & { days: number } {
  const rules = rulesAt(input.rgPositiveOn)
  const days = rules.recoveryPeriodMinimumDays.value
  return {
    ...calendarDayDeadline({ from: input.rgPositiveOn, days, region: input.region, what: 'Minimum recovery period' }),
    referralRules: rules.id,
    days,
  }
}

// law-and-process.md §2.10 (CONFIRMED): a Place of Safety gives up to three working days of safe accommodation.
export function placeOfSafetyLatestEnd(input: { startedOn: IsoDate; region: Region }): ReferralDeadline {
  const rules = rulesAt(input.startedOn)
  return {
    ...workingDayDeadline({
      from: input.startedOn,
      workingDays: rules.placesOfSafetyMaxWorkingDays.value,
      region: input.region,
      what: 'Place of Safety',
    }),
    referralRules: rules.id,
  }
}

// law-and-process.md §3: 24 hours by default (UNCONFIRMED as a modern-slavery rule), configurable per force.
export function crimeRecordingDeadline(input: {
  from: IsoInstant
  config?: ReferralRulesConfig
}): ReferralTimeDeadline {
  const rules = rulesAt(ukDateOf(input.from), input.config)
  return {
    ...hoursDeadline({ from: input.from, hours: rules.crimeRecordingHours.value, what: 'Record the crime' }),
    referralRules: rules.id,
  }
}
