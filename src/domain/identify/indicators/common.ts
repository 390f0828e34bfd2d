import type { ExploitationType } from '../../shared/vocabulary.js'

// Signs that can point to any of the main forms of exploitation. Organ harvesting has its own signs (§2.4).
export const MOST_TYPES: ExploitationType[] = ['labour', 'sexual', 'criminal', 'domestic-servitude']
export const ALL_TYPES: ExploitationType[] = [...MOST_TYPES, 'organ-harvesting']
