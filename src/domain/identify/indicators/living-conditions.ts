import type { IndicatorEntry } from '../indicator.js'
import { labourExploitation, spotTheSigns, statutoryGuidanceGroups } from '../sources.js'
import { MOST_TYPES } from './common.js'

export const livingConditionsIndicators: IndicatorEntry[] = [
  {
    id: 'gen-poor-living-conditions',
    title: 'Living in dirty, cramped or overcrowded housing',
    hint: 'Many people sleeping in one room, mattresses on the floor, no heating or proper washing facilities, or living in a shed, caravan, container or outbuilding.',
    types: MOST_TYPES,
    appliesTo: 'both',
    delphi: 'bad-living-conditions',
    refs: ['ilo-fl:abusive-conditions'],
    source: spotTheSigns,
  },
  {
    id: 'gen-lives-at-workplace',
    title: 'Lives where they work',
    hint: 'Sleeps at the car wash, nail bar, takeaway, farm or factory, or in the flat or house used as a brothel or cannabis grow.',
    types: MOST_TYPES,
    appliesTo: 'both',
    refs: [],
    source: spotTheSigns,
  },
  {
    id: 'gen-few-possessions',
    title: 'Few or no belongings of their own',
    hint: 'Very few clothes, often only work clothes or the same clothes every day, no personal items and no identity documents.',
    types: MOST_TYPES,
    appliesTo: 'both',
    refs: [],
    source: spotTheSigns,
  },
  {
    id: 'gen-many-people-at-address',
    title: 'Many people living at one address',
    hint: 'More people than the home could reasonably hold, many unrelated adults, or people moving in and out all the time.',
    types: MOST_TYPES,
    appliesTo: 'both',
    refs: [],
    source: statutoryGuidanceGroups,
  },
  {
    id: 'gen-poor-food',
    title: 'Not given enough to eat, or only leftovers',
    hint: 'Looks hungry, says they are given only leftovers or scraps, or must ask permission to eat.',
    types: MOST_TYPES,
    appliesTo: 'both',
    delphi: 'bad-living-conditions',
    refs: ['ilo-fl:abusive-conditions'],
    source: labourExploitation,
  },
]
