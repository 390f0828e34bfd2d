/** Lower-case, hyphen-separated form of a phrase, for stable ids. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * The form offence text is compared in: lower case, "&" as "and", apostrophes dropped, every other
 * punctuation mark except the parentheses of subsections turned into a space, single spaces.
 */
export function normaliseOffenceText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/['‘’`]/g, '')
    .replace(/[^a-z0-9()\s]/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)/g, ')')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Subsection path without spaces, lower case: "(1) (a)" → "(1)(a)". */
export function normaliseSubsection(subs: string): string | null {
  const compact = subs.replace(/\s+/g, '').toLowerCase()
  return compact === '' ? null : compact
}

/** Section number with its letter upper case: "12a" → "12A". */
export function normaliseSection(section: string): string {
  return section.toUpperCase()
}
