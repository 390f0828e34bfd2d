import { ConfigError } from '../config.js'
import { StartupError } from '../services/setup/open.js'
import { type CliIo, UsageError } from './command.js'
import { commands } from './commands/index.js'

const io: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  },
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'Usage: lantern <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "lantern <command> --help" for the options of one command.',
  ].join('\n')
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.err(`lantern: unknown command "${name}". Run "lantern --help" for the list.`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof StartupError) {
      io.err(`lantern ${name}: ${e.message}`)
      return 2
    }
    // parseArgs reports unknown or malformed options with a code; show its one-line message.
    if (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`lantern ${name}: ${e.message}`)
      return 2
    }
    io.err(`lantern ${name}: failed: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}

const code = await runCli(process.argv.slice(2))
if (code !== 0 || !process.argv.includes('serve')) process.exit(code)
