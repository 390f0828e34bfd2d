import { createServer, type Server } from 'node:net'

export type ReceivedMail = { from: string; to: string[]; data: string; subject: string; body: string }

/**
 * A tiny SMTP server that accepts every message and keeps it in memory: the local sink the tests send
 * to (and a developer can run to see Lantern's emails). It speaks only what sendMail uses.
 */
export async function startSmtpSink(
  opts: { rejectRecipients?: boolean } = {},
): Promise<{ url: string; messages: ReceivedMail[]; close(): Promise<void> }> {
  const messages: ReceivedMail[] = []
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8')
    let buffer = ''
    let inData = false
    let data: string[] = []
    let from = ''
    let to: string[] = []
    const reply = (line: string) => socket.write(`${line}\r\n`)
    reply('220 lantern-sink ESMTP')
    socket.on('data', (chunk: string) => {
      buffer += chunk
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i)
        buffer = buffer.slice(i + 2)
        if (inData) {
          if (line === '.') {
            inData = false
            const raw = data.join('\r\n')
            const [head = '', ...rest] = raw.split('\r\n\r\n')
            const subject = /^Subject: (.*)$/m.exec(head)?.[1] ?? ''
            messages.push({ from, to, data: raw, subject, body: rest.join('\r\n\r\n') })
            data = []
            reply('250 OK: queued')
          } else data.push(line.startsWith('..') ? line.slice(1) : line)
          continue
        }
        const verb = line.slice(0, 4).toUpperCase()
        if (verb === 'EHLO' || verb === 'HELO') {
          socket.write('250-lantern-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n')
        } else if (verb === 'MAIL') {
          from = /<([^>]*)>/.exec(line)?.[1] ?? ''
          to = []
          reply('250 OK')
        } else if (verb === 'RCPT') {
          if (opts.rejectRecipients) reply('550 No such user here')
          else {
            to.push(/<([^>]*)>/.exec(line)?.[1] ?? '')
            reply('250 OK')
          }
        } else if (verb === 'DATA') {
          inData = true
          reply('354 End data with <CR><LF>.<CR><LF>')
        } else if (verb === 'QUIT') {
          reply('221 Bye')
          socket.end()
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK')
        else reply('502 Command not implemented')
      }
    })
    socket.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
