import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMessage, SmtpError, sendMail } from './smtp.js'
import { startSmtpSink } from './smtp-sink.js'

describe('the minimal SMTP client', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  beforeAll(async () => {
    sink = await startSmtpSink()
  })
  afterAll(async () => {
    await sink.close()
  })

  it('delivers a plain-text message to a local sink', async () => {
    await sendMail(sink.url, {
      from: 'Lantern <lantern@force.example>',
      to: 'officer@force.example',
      subject: 'Lantern: a crime record is overdue',
      text: 'Line one\n.a line starting with a dot\nLine three',
    })
    const got = sink.messages.at(-1)
    expect(got?.from).toBe('lantern@force.example')
    expect(got?.to).toEqual(['officer@force.example'])
    expect(got?.subject).toBe('Lantern: a crime record is overdue')
    // Dot-stuffing keeps a leading dot from ending the message early.
    expect(got?.body).toBe('Line one\r\n.a line starting with a dot\r\nLine three')
    expect(got?.data).toContain('Content-Type: text/plain; charset=utf-8')
  })

  it('encodes a non-ASCII subject and strips line breaks from headers', () => {
    const text = formatMessage(
      { from: 'lantern@x.example', to: 'a@x.example', subject: 'Café\r\nBcc: someone@evil.example', text: 'hi' },
      new Date('2026-01-01T00:00:00Z'),
    )
    expect(text).toMatch(/^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/m)
    expect(text).not.toMatch(/^Bcc:/m)
  })

  it('throws SmtpError with the code when the server refuses', async () => {
    const refusing = await startSmtpSink({ rejectRecipients: true })
    try {
      await expect(
        sendMail(refusing.url, { from: 'lantern@x.example', to: 'nobody@x.example', subject: 's', text: 't' }),
      ).rejects.toSatisfy((e: unknown) => e instanceof SmtpError && e.code === 550)
    } finally {
      await refusing.close()
    }
  })

  it('fails with a reason when nothing listens or the server goes quiet', async () => {
    const closed = createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const address = closed.address()
    const port = typeof address === 'object' && address ? address.port : 0
    await new Promise<void>((r) => closed.close(() => r()))
    await expect(
      sendMail(`smtp://127.0.0.1:${port}`, { from: 'l@x.example', to: 'a@x.example', subject: 's', text: 't' }),
    ).rejects.toThrow(/SMTP connection failed|closed the connection/)

    const silent = createServer(() => undefined)
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const a = silent.address()
    const silentPort = typeof a === 'object' && a ? a.port : 0
    try {
      await expect(
        sendMail(
          `smtp://127.0.0.1:${silentPort}`,
          { from: 'l@x.example', to: 'a@x.example', subject: 's', text: 't' },
          { timeoutMs: 200 },
        ),
      ).rejects.toThrow(SmtpError)
    } finally {
      silent.close()
    }
  })

  it('refuses a URL that is not smtp:// or smtps://', async () => {
    await expect(
      sendMail('http://127.0.0.1:25', { from: 'l@x.example', to: 'a@x.example', subject: 's', text: 't' }),
    ).rejects.toThrow('SMTP_URL must start with smtp:// or smtps://')
  })
})
