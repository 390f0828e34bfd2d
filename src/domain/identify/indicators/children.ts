import type { IndicatorEntry } from '../indicator.js'
import { childSigns, childSignsUnconfirmed, unodcChildren } from '../sources.js'
import { MOST_TYPES } from './common.js'

export const childrenIndicators: IndicatorEntry[] = [
  {
    id: 'child-missing',
    title: 'Goes missing from home or care',
    hint: 'Reported missing, often again and again, stays out late or overnight, or is missing from a children’s home or foster placement, including children who arrived in the UK alone.',
    types: ['criminal', 'sexual'],
    appliesTo: 'child',
    refs: [],
    source: childSigns,
  },
  {
    id: 'child-not-in-school',
    title: 'Not in school, or often absent',
    hint: 'Not enrolled at a school or college, often missing, or working during school hours.',
    types: ['criminal', 'labour', 'domestic-servitude'],
    appliesTo: 'child',
    delphi: 'no-access-to-education',
    refs: [],
    source: childSigns,
  },
  {
    // Also makes the engine treat the person as a child: their age is in dispute (law-and-process.md §2.4).
    id: 'child-claims-older',
    title: 'Says they are older than they look',
    hint: 'Says they are 18 or over, or has papers giving an adult age, but looks or acts younger. Treat them as a child until an age assessment decides otherwise.',
    types: MOST_TYPES,
    appliesTo: 'both',
    refs: [],
    source: childSignsUnconfirmed,
  },
  {
    id: 'child-with-unrelated-adults',
    title: 'Travelling or living with adults who are not their family',
    hint: 'Alone, or with adults who say they are relatives but do not seem to be, and no contact with their parents.',
    types: MOST_TYPES,
    appliesTo: 'child',
    refs: [],
    source: unodcChildren,
  },
  {
    id: 'child-adult-work',
    title: 'Doing work not suitable for a child',
    hint: 'Working in a car wash, kitchen, farm, building site or cannabis grow, looking after other children, or doing heavy housework for a family.',
    types: ['labour', 'domestic-servitude'],
    appliesTo: 'child',
    delphi: 'hazardous-work',
    refs: ['ilo-fl:abusive-conditions'],
    source: unodcChildren,
  },
  {
    id: 'child-no-friends-or-play',
    title: 'No friends their own age and no time to play',
    hint: 'Spends all their time working or with adults, and has no contact with other children.',
    types: ['labour', 'domestic-servitude'],
    appliesTo: 'child',
    refs: [],
    source: unodcChildren,
  },
  {
    id: 'child-calm-or-loyal-to-adults',
    title: 'Seems calm, or loyal to the adults involved',
    hint: 'Shows no distress, says they are fine, or defends older people who are controlling them. Children can be groomed not to tell, and a bond with the exploiter is common.',
    types: ['sexual', 'criminal'],
    appliesTo: 'child',
    refs: [],
    source: childSigns,
  },
]
