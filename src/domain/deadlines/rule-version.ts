// Bump the rule part when bank-holiday-rules.ts or the working-day arithmetic changes; the data part follows
// the one-off changes' own version. Each computed deadline records the result so it can be explained later.
export const RULES_REVISION = 'working-days.v1'

export function ruleVersionFor(oneOffChangesVersion: string): string {
  return `${RULES_REVISION}+one-off-changes.${oneOffChangesVersion}`
}
