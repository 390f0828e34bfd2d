import { z } from 'zod'
import { hasCharge, hasConviction, type Outcome } from './outcomes.js'

// Slavery and Trafficking Prevention and Risk Orders must be considered, and the decision recorded, at charge,
// conviction and closure: HMICFRS found them little used (law-and-process.md §1.2, CONFIRMED; §4.4; §9 item 9).
export const orderConsiderationStages = ['charge', 'conviction', 'closure'] as const
export const OrderConsiderationStage = z.enum(orderConsiderationStages)
export type OrderConsiderationStage = z.infer<typeof OrderConsiderationStage>

export const orderConsiderationDecisions = [
  'seek-stpo',
  'seek-stro',
  'seek-interim-order',
  'order-already-in-place',
  'not-appropriate',
] as const

export const OrderConsideration = z.object({
  stage: OrderConsiderationStage,
  decision: z.enum(orderConsiderationDecisions),
  rationale: z.string().trim().min(1, { error: 'Record why this decision was made about a prevention or risk order.' }),
  decidedBy: z.string().min(1),
  decidedAt: z.date(),
})
export type OrderConsideration = z.infer<typeof OrderConsideration>

export const stageLabels: Record<OrderConsiderationStage, string> = {
  charge: 'at charge',
  conviction: 'at conviction',
  closure: 'at closure',
}

/** Stages that have been reached (closure only when closing) but have no recorded decision. */
export function missingOrderConsiderations(
  outcomes: readonly Outcome[],
  considerations: readonly Pick<OrderConsideration, 'stage'>[],
  closing: boolean,
): OrderConsiderationStage[] {
  const reached: OrderConsiderationStage[] = []
  if (hasCharge(outcomes)) reached.push('charge')
  if (hasConviction(outcomes)) reached.push('conviction')
  if (closing) reached.push('closure')
  return reached.filter((stage) => !considerations.some((c) => c.stage === stage))
}
