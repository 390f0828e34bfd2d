import { z } from 'zod'
import { identifierFields } from './entity-kind.js'
import { normalisePhone } from './phone.js'

export const onlinePlatforms = [
  'instagram',
  'facebook',
  'tiktok',
  'snapchat',
  'telegram',
  'whatsapp',
  'x',
  'onlyfans',
  'adultwork',
  'vivastreet',
  'other',
] as const
export const OnlinePlatform = z.enum(onlinePlatforms)
export type OnlinePlatform = z.infer<typeof OnlinePlatform>

export const onlinePlatformLabels: Record<OnlinePlatform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  snapchat: 'Snapchat',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  x: 'X (Twitter)',
  onlyfans: 'OnlyFans',
  adultwork: 'AdultWork',
  vivastreet: 'Vivastreet',
  other: 'Other',
}

export const NormalisedOnlineHandle = z.object({
  kind: z.literal('online-handle'),
  ...identifierFields,
  platform: OnlinePlatform,
  /** Lower case, without the @. */
  handle: z.string(),
})
export type NormalisedOnlineHandle = z.infer<typeof NormalisedOnlineHandle>

// Loose checks of each platform's published username rules: a failure is flagged for the officer to look at,
// never corrected. Platforms without a rule here accept any handle without spaces.
const RULES: Partial<Record<OnlinePlatform, readonly [RegExp, string]>> = {
  instagram: [/^[a-z0-9._]{1,30}$/, 'up to 30 letters, numbers, full stops and underscores'],
  x: [/^[a-z0-9_]{1,15}$/, 'up to 15 letters, numbers and underscores'],
  tiktok: [/^[a-z0-9._]{2,24}$/, '2 to 24 letters, numbers, full stops and underscores'],
  snapchat: [/^[a-z][a-z0-9._-]{2,14}$/, '3 to 15 characters starting with a letter'],
  telegram: [/^[a-z][a-z0-9_]{4,31}$/, '5 to 32 letters, numbers and underscores, starting with a letter'],
  facebook: [/^[a-z0-9.]{5,50}$/, '5 to 50 letters, numbers and full stops'],
}

// A profile address pasted in place of a handle: keep the first part of the path ("instagram.com/foo/" → "foo").
function fromUrl(text: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.|m\.|mobile\.)?[a-z0-9.-]+\.[a-z]{2,}\/(@?[^/?#\s]+)/i.exec(text)
  return m?.[1] ?? text
}

/** A handle on a platform; the key is "platform:handle" in lower case without the @. WhatsApp is a phone number. */
export function normaliseOnlineHandle(platform: OnlinePlatform, raw: string): NormalisedOnlineHandle {
  const label = onlinePlatformLabels[platform]
  if (platform === 'whatsapp') {
    const phone = normalisePhone(raw)
    return {
      kind: 'online-handle',
      normalised: `whatsapp:${phone.normalised}`,
      display: `${phone.display} (${label})`,
      valid: phone.valid,
      problems: phone.problems,
      platform,
      handle: phone.normalised,
    }
  }
  const handle = fromUrl(raw.trim()).replace(/^@+/, '').toLowerCase()
  const problems: string[] = []
  if (handle === '') problems.push('Enter the username.')
  else if (/\s/.test(handle)) problems.push('A username has no spaces.')
  else {
    const rule = RULES[platform]
    if (rule && !rule[0].test(handle)) problems.push(`A ${label} username has ${rule[1]}.`)
  }
  return {
    kind: 'online-handle',
    normalised: `${platform}:${handle}`,
    display: `@${handle} (${label})`,
    valid: problems.length === 0,
    problems,
    platform,
    handle,
  }
}
