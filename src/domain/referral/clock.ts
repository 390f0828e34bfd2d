import { type IsoDate, ukDateOf } from '../deadlines/index.js'

/** The time source the rules are given; services pass the real one, tests a fixed one. */
export type Clock = { now(): Date }

export function todayOf(clock: Clock): IsoDate {
  return ukDateOf(clock.now())
}
