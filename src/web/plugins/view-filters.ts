import { createRequire } from 'node:module'
import type { Environment } from 'nunjucks'

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
})
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
})

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined || v === '') return null
  const d = v instanceof Date ? v : new Date(String(v))
  return Number.isNaN(d.getTime()) ? null : d
}

// MOJ components (the timeline) call their own filters, such as mojDate.
const require = createRequire(import.meta.url)
const mojFilters = require('@ministryofjustice/frontend/moj/filters/all.js') as () => Record<
  string,
  (...args: unknown[]) => unknown
>

export function registerViewFilters(env: Environment) {
  for (const [name, fn] of Object.entries(mojFilters())) env.addFilter(name, fn)
  env.addFilter('ukDate', (v: unknown) => {
    const d = toDate(v)
    return d ? dateFmt.format(d) : ''
  })
  env.addFilter('ukDateTime', (v: unknown) => {
    const d = toDate(v)
    return d ? dateTimeFmt.format(d) : ''
  })
  // Marks the item whose value matches as checked (radios, checkboxes) or selected (select).
  env.addFilter('selectValue', (items: { value: string }[], value: unknown, key = 'checked') => {
    const chosen = Array.isArray(value) ? value.map(String) : [String(value ?? '')]
    return items.map((i) => ({ ...i, [key]: chosen.includes(i.value) }))
  })
  env.addFilter('isoDate', (v: unknown) => toDate(v)?.toISOString() ?? '')
}
