import { generateSecret, generateURI, verifySync } from 'otplib'
import QRCode from 'qrcode'

export function newTotpSecret(): string {
  return generateSecret()
}

/** Accepts the current 30-second code and one step either side, for clock drift on phones. */
export function verifyTotp(secret: string, code: string, at: Date): boolean {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return false
  return verifySync({ secret, token, epoch: Math.floor(at.getTime() / 1000), epochTolerance: 30 }).valid
}

export async function totpQrSvg(secret: string, accountLabel: string): Promise<string> {
  const uri = generateURI({ issuer: 'Lantern', label: accountLabel, secret })
  return QRCode.toString(uri, { type: 'svg', margin: 1 })
}
