/** A `lantern` sub-command. `run` returns the process exit code. */
export type Command = {
  name: string
  summary: string
  usage: string
  run(argv: string[], io: CliIo): Promise<number>
}

export type CliIo = {
  out(line: string): void
  err(line: string): void
  readStdin(): Promise<string>
}

/** Bad input on the command line: printed as one line, exit code 2. */
export class UsageError extends Error {}
