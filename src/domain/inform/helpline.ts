// law-and-process.md §2.2 (CONFIRMED) gives the helpline as 0800 0121 700; the helpline writes the same
// digits as 08000 121 700, which is how every content file spells it.
export const HELPLINE_NUMBER = '08000 121 700'
export const EMERGENCY_NUMBER = '999'
