import { describe, expect, it } from 'vitest'
import { normaliseOnlineHandle } from './online-handle.js'

describe('normaliseOnlineHandle', () => {
  it.each([
    ['instagram', '@Foo.Bar_', 'instagram:foo.bar_'],
    ['instagram', 'https://www.instagram.com/foo.bar/?hl=en', 'instagram:foo.bar'],
    ['tiktok', 'https://www.tiktok.com/@Some.One', 'tiktok:some.one'],
    ['telegram', 't.me/JohnDoe99', 'telegram:johndoe99'],
    ['x', 'https://x.com/Jobs_Leeds', 'x:jobs_leeds'],
    ['facebook', 'facebook.com/anna.nowak.77', 'facebook:anna.nowak.77'],
    ['adultwork', 'LucyXx', 'adultwork:lucyxx'],
  ] as const)('%s %s → %s', (platform, raw, normalised) => {
    const result = normaliseOnlineHandle(platform, raw)
    expect(result.normalised).toBe(normalised)
    expect(result.valid).toBe(true)
  })

  it('shows the handle with @ and the platform', () => {
    expect(normaliseOnlineHandle('snapchat', '@Kay_Dee').display).toBe('@kay_dee (Snapchat)')
  })

  it('flags handles that break a platform’s username rules, or have spaces', () => {
    expect(normaliseOnlineHandle('x', '@this_handle_is_too_long').problems).toEqual([
      'A X (Twitter) username has up to 15 letters, numbers and underscores.',
    ])
    expect(normaliseOnlineHandle('vivastreet', 'lucy 22').problems).toEqual(['A username has no spaces.'])
    expect(normaliseOnlineHandle('instagram', '@').problems).toEqual(['Enter the username.'])
  })

  it('treats a WhatsApp account as its phone number', () => {
    expect(normaliseOnlineHandle('whatsapp', '07412 345678')).toMatchObject({
      normalised: 'whatsapp:+447412345678',
      handle: '+447412345678',
      display: '07412 345678 (WhatsApp)',
      valid: true,
    })
  })
})
