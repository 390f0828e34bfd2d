import type { Command } from '../command.js'
import { audit, migrate, seed, serve, tokens, users } from './core.js'
import { assessCommand, indicatorsCommand } from './identify.js'
import { s45Command } from './s45.js'
import { workerCommand } from './worker.js'
import { workingDaysCommand } from './working-days.js'

// Each capability adds its commands here; `lantern --help` lists them in this order.
export const commands: Command[] = [
  serve,
  workerCommand,
  migrate,
  seed,
  users,
  audit,
  tokens,
  indicatorsCommand,
  assessCommand,
  workingDaysCommand,
  s45Command,
]
