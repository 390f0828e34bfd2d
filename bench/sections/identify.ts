import { assess } from '../../src/domain/identify/assessment.js'
import { AssessmentInput } from '../../src/domain/identify/encounter-input.js'
import { firstPassOnly, load, loop } from '../harness.js'
import type { BenchSection } from '../sections.js'

const encounter = AssessmentInput.parse({
  person: { age: 16, role: 'arrested', language: 'Vietnamese' },
  indicators: [
    { id: 'gen-debt', provenance: 'disclosed' },
    { id: 'gen-not-free-to-leave', provenance: 'observed' },
    { id: 'gen-lives-at-workplace', provenance: 'observed' },
    { id: 'gen-documents-held', provenance: 'reported' },
  ],
  consent: 'not-asked',
  immediateRisk: false,
  placeType: 'cannabis-grow',
  occurredAt: '2026-11-20T06:15:00Z',
  interpreter: { used: true, independent: true },
})

const engine = firstPassOnly((seconds) => {
  const r = loop('assess() in process', () => assess(encounter), seconds)
  return `assessment engine: ${r.perSecond.toFixed(0)} assessments/s in one thread (${r.calls} calls)`
})

export const identifyBench: BenchSection = {
  name: 'identify',
  async run(env) {
    const notes = engine(env.seconds)
    const csrf = await fetch(`${env.baseUrl}/encounters`, { headers: { cookie: env.cookie } })
      .then((r) => r.text())
      .then((html) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '')
    const body = JSON.stringify(encounter)
    const api = await load(
      `POST /api/v1/assessments (${env.kind})`,
      () =>
        fetch(`${env.baseUrl}/api/v1/assessments`, {
          method: 'POST',
          headers: { cookie: env.cookie, 'content-type': 'application/json', 'x-csrf-token': csrf },
          body,
        }),
      { seconds: env.seconds, concurrency: env.concurrency },
    )
    return { load: [api], notes }
  },
}
