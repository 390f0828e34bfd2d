import { z } from 'zod'

// NRM exploitation categories used in Home Office statistics (law-and-process.md §5.1, CONFIRMED).
export const exploitationTypes = ['labour', 'sexual', 'criminal', 'domestic-servitude', 'organ-harvesting'] as const
export const ExploitationType = z.enum(exploitationTypes)
export type ExploitationType = z.infer<typeof ExploitationType>

export const exploitationTypeLabels: Record<ExploitationType, string> = {
  labour: 'Labour exploitation',
  sexual: 'Sexual exploitation',
  criminal: 'Criminal exploitation',
  'domestic-servitude': 'Domestic servitude',
  'organ-harvesting': 'Organ harvesting',
}

// Bank-holiday divisions and legal jurisdictions (law-and-process.md §7, §8).
export const jurisdictions = ['england-and-wales', 'scotland', 'northern-ireland'] as const
export const Jurisdiction = z.enum(jurisdictions)
export type Jurisdiction = z.infer<typeof Jurisdiction>

// Evidence labels carried from ../shared/domain into what users see (domain/README.md).
export const confidenceLabels = ['CONFIRMED', 'PARTLY CONFIRMED', 'SECONDARY', 'UNCONFIRMED'] as const
export const Confidence = z.enum(confidenceLabels)
export type Confidence = z.infer<typeof Confidence>

export const SourceRef = z.object({
  /** The shared domain file and section, e.g. "indicators.md §2.2". */
  ref: z.string().min(1),
  /** The public source the domain file cites, where it gives one. */
  url: z.string().optional(),
  confidence: Confidence,
})
export type SourceRef = z.infer<typeof SourceRef>
