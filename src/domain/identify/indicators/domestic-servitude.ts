import type { IndicatorEntry } from '../indicator.js'
import { domesticServitude } from '../sources.js'

export const domesticServitudeIndicators: IndicatorEntry[] = [
  {
    id: 'dom-does-not-eat-with-household',
    title: 'Does not eat with the household, or eats only leftovers',
    hint: 'Eats alone, after everyone else, or only what the family leaves.',
    types: ['domestic-servitude'],
    appliesTo: 'both',
    delphi: 'bad-living-conditions',
    refs: ['ilo-fl:abusive-conditions'],
    source: domesticServitude,
  },
  {
    id: 'dom-no-private-space',
    title: 'No private space, or sleeps somewhere unsuitable',
    hint: 'Sleeps on the kitchen or living-room floor, in a corridor or cupboard, or in a child’s room, with no space of their own.',
    types: ['domestic-servitude'],
    appliesTo: 'both',
    delphi: 'bad-living-conditions',
    refs: ['ilo-fl:abusive-conditions'],
    source: domesticServitude,
  },
  {
    id: 'dom-never-goes-out',
    title: 'Rarely or never goes out, or only with the employer',
    hint: 'Not seen outside the house alone, does not go out socially, and is not allowed friends or visitors.',
    types: ['domestic-servitude'],
    appliesTo: 'both',
    delphi: 'isolation-confinement-surveillance',
    refs: ['ilo-fl:restriction-of-movement', 'ilo-fl:isolation'],
    source: domesticServitude,
  },
  {
    id: 'dom-reported-missing-while-there',
    title: 'Reported missing by the employer while still living there',
    hint: 'The household has reported them missing, or says they have left, although they still live in the house.',
    types: ['domestic-servitude'],
    appliesTo: 'both',
    refs: [],
    source: domesticServitude,
  },
  {
    id: 'dom-insulted-or-abused',
    title: 'Insulted, threatened or abused by the household',
    hint: 'Shouted at, called names, hit or threatened by members of the household they work for.',
    types: ['domestic-servitude'],
    appliesTo: 'both',
    refs: ['ilo-fl:intimidation-threats', 'ilo-fl:physical-sexual-violence'],
    source: domesticServitude,
  },
]
