import { randomUUID } from 'node:crypto'
import { connect as netConnect, type Socket } from 'node:net'
import { hostname } from 'node:os'
import { connect as tlsConnect } from 'node:tls'

// A minimal SMTP client (RFC 5321) over node:net. Lantern sends one short plain-text message at a time
// to the force's own relay, and the dependency set is pinned without a mail library (no nodemailer), so
// the few commands needed are written here: EHLO, optional AUTH PLAIN, MAIL FROM, RCPT TO, DATA, QUIT.
// smtps:// connects with TLS; STARTTLS is not offered, so use smtps:// or a relay on a trusted network.

export type MailMessage = { from: string; to: string; subject: string; text: string }

export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code: number | null = null,
  ) {
    super(message)
  }
}

type Reply = { code: number; lines: string[] }

/** Reads SMTP replies from a socket, one complete (possibly multi-line) reply per `next()`. */
class ReplyReader {
  private buffer = ''
  private lines: string[] = []
  private replies: Reply[] = []
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | null = null
  private failure: Error | null = null

  constructor(socket: Socket) {
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => this.feed(chunk))
    socket.on('error', (e) => this.fail(new SmtpError(`SMTP connection failed: ${e.message}`)))
    socket.on('close', () => this.fail(new SmtpError('The SMTP server closed the connection')))
  }

  private feed(chunk: string) {
    this.buffer += chunk
    for (let i = this.buffer.indexOf('\r\n'); i >= 0; i = this.buffer.indexOf('\r\n')) {
      const line = this.buffer.slice(0, i)
      this.buffer = this.buffer.slice(i + 2)
      this.lines.push(line)
      // "250-..." continues a reply; "250 ..." (or a bare "250") ends it.
      if (/^\d{3}(?: |$)/.test(line)) {
        this.replies.push({ code: Number(line.slice(0, 3)), lines: this.lines })
        this.lines = []
      }
    }
    this.flush()
  }

  private fail(e: Error) {
    if (!this.failure) this.failure = e
    this.flush()
  }

  private flush() {
    if (!this.waiting) return
    const reply = this.replies.shift()
    if (reply) {
      const w = this.waiting
      this.waiting = null
      w.resolve(reply)
    } else if (this.failure) {
      const w = this.waiting
      this.waiting = null
      w.reject(this.failure)
    }
  }

  next(): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject }
      this.flush()
    })
  }
}

const oneLine = (v: string) => v.replace(/[\r\n]+/g, ' ').trim()

function encodeHeader(value: string): string {
  const clean = oneLine(value)
  // RFC 2047: non-ASCII header text goes as an encoded word.
  return /^[\x20-\x7e]*$/.test(clean) ? clean : `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`
}

function address(v: string): string {
  const m = /<([^<>\s]+)>\s*$/.exec(v)
  const a = m?.[1] ?? v.trim()
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(a)) throw new SmtpError(`"${v}" is not an email address`)
  return a
}

/** The message as sent after DATA: CRLF line endings and dot-stuffing (RFC 5321 §4.5.2). */
export function formatMessage(msg: MailMessage, date: Date): string {
  const domain = address(msg.from).split('@')[1] ?? 'localhost'
  const headers = [
    `From: ${encodeHeader(msg.from)}`,
    `To: ${encodeHeader(msg.to)}`,
    `Subject: ${encodeHeader(msg.subject)}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ]
  const body = msg.text
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n')
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`
}

/** Sends one message through the server named by an smtp:// or smtps:// URL; throws SmtpError on refusal. */
export async function sendMail(
  url: string,
  msg: MailMessage,
  opts: { timeoutMs?: number; heloName?: string; now?: Date } = {},
): Promise<void> {
  const target = new URL(url)
  if (target.protocol !== 'smtp:' && target.protocol !== 'smtps:') {
    throw new SmtpError(`SMTP_URL must start with smtp:// or smtps://, not ${target.protocol}//`)
  }
  const secure = target.protocol === 'smtps:'
  const port = Number(target.port || (secure ? 465 : 25))
  const host = target.hostname.replace(/^\[|\]$/g, '')
  const socket: Socket = secure ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port })
  socket.setTimeout(opts.timeoutMs ?? 15_000, () => socket.destroy(new Error('timed out')))
  const reader = new ReplyReader(socket)
  const expect = async (codes: number[], step: string) => {
    const reply = await reader.next()
    if (!codes.includes(reply.code)) {
      throw new SmtpError(`SMTP ${step} refused: ${reply.lines.join(' ').slice(0, 200)}`, reply.code)
    }
    return reply
  }
  const send = (line: string) => socket.write(`${line}\r\n`)
  try {
    await expect([220], 'greeting')
    send(`EHLO ${opts.heloName ?? hostname()}`)
    await expect([250], 'EHLO')
    if (target.username) {
      const user = decodeURIComponent(target.username)
      const pass = decodeURIComponent(target.password)
      send(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64')}`)
      await expect([235], 'AUTH')
    }
    send(`MAIL FROM:<${address(msg.from)}>`)
    await expect([250], 'MAIL FROM')
    send(`RCPT TO:<${address(msg.to)}>`)
    await expect([250, 251], 'RCPT TO')
    send('DATA')
    await expect([354], 'DATA')
    socket.write(`${formatMessage(msg, opts.now ?? new Date())}.\r\n`)
    await expect([250], 'message')
    send('QUIT')
    await expect([221], 'QUIT').catch(() => undefined)
  } finally {
    socket.destroy()
  }
}
