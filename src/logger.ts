import { pino } from 'pino'

// Personal data never reaches the logs: bodies are not logged at all, and these paths are
// redacted wherever they appear in a logged object.
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.email',
  '*.name',
  '*.dateOfBirth',
  '*.address',
  '*.phone',
  '*.account',
  '*.totp',
  '*.token',
]

export function createLogger(level: string) {
  return pino({
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // Query strings can carry search terms (names, phone numbers): log the path only.
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
    },
  })
}

export type Logger = ReturnType<typeof createLogger>
