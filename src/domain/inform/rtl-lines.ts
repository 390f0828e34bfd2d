// Right-to-left lines for the PDF leaflet. pdfkit (under pdfmake) shapes Arabic script through fontkit, which
// reverses a whole run of right-to-left text into visual order, but nothing does bidi reordering: fontkit also
// reverses the digits inside the run (08000 → 00080), mirrors no brackets or guillemets, and pdfmake draws each
// word as its own run from left to right, so a wrapped line reads in the wrong word order. The leaflet therefore
// wraps right-to-left paragraphs itself (wrapWords), and draws each line as runs in visual order (rtlVisualRuns),
// each prepared so that fontkit's reversal gives the right result. This is the small part of the
// Unicode bidi algorithm the leaflets need (one right-to-left paragraph level with left-to-right numbers), not
// the whole of it.

const digit = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]'

// A number written in groups, such as 08000 121 700, which a line break must not split.
const groupedNumber = `${digit}+(?: ${digit}+)+`

/** The text cut into pieces, each either a grouped number or the text between two of them. */
export function splitGroupedNumbers(text: string): { text: string; groupedNumber: boolean }[] {
  return text
    .split(new RegExp(`(${groupedNumber})`, 'u'))
    .map((piece, i) => ({ text: piece, groupedNumber: i % 2 === 1 }))
    .filter((piece) => piece.text !== '')
}

// A word is a run of non-spaces, or a grouped number with whatever is attached to either end of it. Only
// ordinary spaces separate words, so a no-break space stays inside its word.
const wordPattern = new RegExp(`[^ ]*${groupedNumber}[^ ]*|[^ ]+`, 'gu')

/**
 * Greedy word wrap: as many words per line as fit in maxWidth; a word wider than that gets a line alone.
 * A grouped number counts as one word.
 */
export function wrapWords(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const lines: string[] = []
  let line = ''
  for (const [word] of text.replace(/[ \t\r\n]+/g, ' ').matchAll(wordPattern)) {
    const candidate = line ? `${line} ${word}` : word
    if (line && measure(candidate) > maxWidth) {
      lines.push(line)
      line = word
    } else {
      line = candidate
    }
  }
  if (line) lines.push(line)
  return lines
}

// Left-to-right runs inside a right-to-left line. A number (European, Arabic-Indic or Persian digits, which read
// left to right) keeps single separators between its digits, so that 08000 121 700, 24/7 or 10:30 stay one
// number. Latin text runs from its first to its last Latin letter or digit before the next Arabic letter, so a
// name such as "Amira Haddad (Language Line)" stays whole, as in the Unicode bidi algorithm (rules W7, N1, N0).
const arabicLetter = `(?:(?!${digit})[\\p{Script=Arabic}\\u061B\\u061F])`
const number = `${digit}+(?:[ .,:/\\u066B\\u066C-]${digit}+)*`
const latinText = `\\p{Script=Latin}(?:(?:(?!${arabicLetter}).)*(?:\\p{Script=Latin}|${digit}))?`
const ltrRun = new RegExp(`${latinText}|${number}`, 'gu')
const closing: Readonly<Record<string, string>> = { ')': '(', ']': '[' }

/** Closing brackets right after a Latin run that close brackets opened inside it belong to the run (rule N0). */
function withClosingBrackets(line: string, start: number, end: number): number {
  let stop = end
  while (stop < line.length) {
    const close = line[stop] ?? ''
    const open = closing[close]
    const inside = line.slice(start, stop)
    if (!open || inside.split(open).length <= inside.split(close).length) break
    stop++
  }
  return stop
}

// Unicode Bidi_Mirroring_Glyph pairs for the punctuation the content may use.
const mirrored: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
}

function reverse(text: string): string {
  return [...text].reverse().join('')
}

function mirror(text: string): string {
  return [...text].map((c) => mirrored[c] ?? c).join('')
}

/** Whether fontkit lays out the string right to left: it goes by the first character of a specific script. */
export function shaperReadsRightToLeft(text: string): boolean {
  const first = text.match(/[^\p{Script=Common}\p{Script=Inherited}]/u)?.[0]
  return first !== undefined && /\p{Script=Arabic}/u.test(first)
}

/** A piece of a line and whether the main font lacks it, so that it is drawn in the fallback font. */
export type FontRun = { text: string; fallback: boolean }

/**
 * The text cut, in logical order, into runs the main font can draw and runs it cannot (such as a reviewer's name
 * in Latin letters inside Arabic text). Whitespace stays in the run it is in.
 */
export function fontRuns(text: string, hasGlyph: (char: string) => boolean): FontRun[] {
  const runs: FontRun[] = []
  for (const char of text) {
    const last = runs[runs.length - 1]
    const fallback = /\s/u.test(char) ? (last?.fallback ?? false) : !hasGlyph(char)
    if (last && last.fallback === fallback) last.text += char
    else runs.push({ text: char, fallback })
  }
  return runs
}

/**
 * One line of a right-to-left paragraph, given in logical order, as runs in visual order (left to right). Each
 * run's text is prepared for fontkit, which reverses any run it reads as right to left: left-to-right runs
 * (numbers, Latin) come out left to right, mirrored punctuation is swapped, and a run fontkit would not reverse is
 * reversed here.
 */
export function rtlVisualRuns(line: string, hasGlyph: (char: string) => boolean): FontRun[] {
  const pieces: { text: string; ltr: boolean }[] = []
  let last = 0
  ltrRun.lastIndex = 0
  for (let match = ltrRun.exec(line); match !== null; match = ltrRun.exec(line)) {
    const end = withClosingBrackets(line, match.index, match.index + match[0].length)
    if (match.index > last) pieces.push({ text: line.slice(last, match.index), ltr: false })
    pieces.push({ text: line.slice(match.index, end), ltr: true })
    last = end
    ltrRun.lastIndex = end
  }
  if (last < line.length) pieces.push({ text: line.slice(last), ltr: false })

  return pieces.reverse().flatMap((piece): FontRun[] => {
    if (piece.ltr) {
      const fallback = fontRuns(piece.text, hasGlyph).some((run) => run.fallback)
      return [{ text: shaperReadsRightToLeft(piece.text) ? reverse(piece.text) : piece.text, fallback }]
    }
    return fontRuns(piece.text, hasGlyph)
      .reverse()
      .map((run) => {
        const text = mirror(run.text)
        return { text: shaperReadsRightToLeft(text) ? text : reverse(text), fallback: run.fallback }
      })
  })
}
