import type { FastifyReply } from 'fastify'

/** RFC 9457 problem details for the JSON API. */
export type Problem = {
  type?: string
  title: string
  status: number
  detail?: string
  instance?: string
  errors?: { path: string; message: string }[]
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ type: problem.type ?? 'about:blank', ...problem, requestId: reply.request.id })
}
