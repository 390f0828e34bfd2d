/** A rule's answer: the value, or a refusal with a stable code and a message for the user. */
export type Refusal<Code extends string = string> = {
  readonly ok: false
  readonly code: Code
  readonly message: string
}
export type Accepted<T> = { readonly ok: true; readonly value: T; readonly warnings: readonly string[] }
export type Result<T, Code extends string = string> = Accepted<T> | Refusal<Code>

export function accept<T>(value: T, warnings: readonly string[] = []): Accepted<T> {
  return { ok: true, value, warnings }
}

export function refuse<Code extends string>(code: Code, message: string): Refusal<Code> {
  return { ok: false, code, message }
}
