import { ConfigError, loadConfig } from './config.js'
import { startServer } from './server.js'
import { StartupError } from './services/setup/open.js'

try {
  await startServer(loadConfig())
} catch (e) {
  if (e instanceof ConfigError || e instanceof StartupError) {
    console.error(`Lantern could not start: ${e.message}`)
    process.exit(1)
  }
  throw e
}
