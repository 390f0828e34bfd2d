import { z } from 'zod'
import { ConfigError } from '../../config.js'

// Read with the rest of the configuration when the web app is built, so a bad value stops start-up with
// the reason (README: Configuration).
const Schema = z.object({
  SMTP_URL: z
    .url({ error: 'SMTP_URL must be a URL such as smtp://mail.example.police.uk:25' })
    .refine((v) => /^smtps?:\/\//.test(v), 'SMTP_URL must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_FROM: z.string().min(3).default('Lantern <lantern@localhost>'),
  LANTERN_SCHEDULER_INTERVAL_SECONDS: z.coerce
    .number({ error: 'LANTERN_SCHEDULER_INTERVAL_SECONDS must be a number of seconds' })
    .int('LANTERN_SCHEDULER_INTERVAL_SECONDS must be a whole number')
    .min(0)
    .max(86_400)
    .optional(),
})

export type NotificationSettings = {
  /** Null: notifications are in-app only. */
  smtpUrl: string | null
  from: string
  /** 0 switches the in-process scheduler off (the default in tests, which call runDueJobs directly). */
  intervalSeconds: number
}

export function loadNotificationSettings(
  env: Record<string, string | undefined>,
  nodeEnv: 'development' | 'production' | 'test',
): NotificationSettings {
  const parsed = Schema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  const e = parsed.data
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: e.SMTP_FROM,
    intervalSeconds: e.LANTERN_SCHEDULER_INTERVAL_SECONDS ?? (nodeEnv === 'test' ? 0 : 60),
  }
}
