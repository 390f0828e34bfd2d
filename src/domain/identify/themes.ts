import { z } from 'zod'

// Groupings for the question pages and the catalogue page. Lantern's own grouping of the sets in
// indicators.md §2.2–§2.5 (general signs, the statutory guidance groups, type-specific and child signs).
export const themeIds = [
  'general',
  'control-and-movement',
  'threats-and-violence',
  'work-and-pay',
  'living-conditions',
  'physical-and-psychological',
  'county-lines-and-cuckooing',
  'cannabis-cultivation',
  'begging-and-acquisitive-crime',
  'sexual-exploitation',
  'labour-exploitation',
  'domestic-servitude',
  'organ-harvesting',
  'children',
] as const
export const ThemeId = z.enum(themeIds)
export type ThemeId = z.infer<typeof ThemeId>

export const Theme = z.object({
  id: ThemeId,
  title: z.string(),
  description: z.string(),
})
export type Theme = z.infer<typeof Theme>

// A Record keyed by ThemeId so the compiler checks every theme has a title and description.
const details: Record<ThemeId, Omit<Theme, 'id'>> = {
  general: {
    title: 'General signs',
    description: 'Signs that can point to any kind of exploitation, whoever the person is.',
  },
  'control-and-movement': {
    title: 'Control and freedom of movement',
    description: 'Who decides where they go, who they see and what happens to their documents.',
  },
  'threats-and-violence': {
    title: 'Threats and violence',
    description: 'Violence, threats and fear used to keep someone doing what they are told.',
  },
  'work-and-pay': {
    title: 'Work, pay and debt',
    description: 'How long they work, whether they are paid, and any debt they are made to work off.',
  },
  'living-conditions': {
    title: 'Living conditions',
    description: 'Where and how they live, and what they own.',
  },
  'physical-and-psychological': {
    title: 'Physical and psychological signs',
    description: 'What their body, health and behaviour may show.',
  },
  'county-lines-and-cuckooing': {
    title: 'County lines and cuckooing',
    description: 'Moving and selling drugs for others, and homes taken over by dealers.',
  },
  'cannabis-cultivation': {
    title: 'Cannabis cultivation',
    description: 'People found working, living or hiding at a cannabis grow.',
  },
  'begging-and-acquisitive-crime': {
    title: 'Forced begging and stealing',
    description: 'Begging, shoplifting, pickpocketing and other stealing done for someone else.',
  },
  'sexual-exploitation': {
    title: 'Sexual exploitation',
    description: 'Brothels, pop-up brothels in homes and hotels, and sex work controlled by others.',
  },
  'labour-exploitation': {
    title: 'Labour exploitation',
    description: 'Car washes, nail bars, farms, factories, building sites, kitchens and warehouses.',
  },
  'domestic-servitude': {
    title: 'Domestic servitude',
    description: 'Cleaning, cooking or caring in a private home under someone else’s control.',
  },
  'organ-harvesting': {
    title: 'Organ harvesting',
    description: 'Recruited or moved so that an organ or tissue can be removed.',
  },
  children: {
    title: 'Children',
    description: 'Signs specific to under-18s. Any sign of exploitation in a child means a referral.',
  },
}

export const themes: readonly Theme[] = themeIds.map((id) => ({ id, ...details[id] }))

export function themeById(id: ThemeId): Theme {
  return { id, ...details[id] }
}
