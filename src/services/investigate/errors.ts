export class InvestigationNotFound extends Error {}
/** Another change reached the record first (a double click, a retried request, a second tab). */
export class InvestigationConflict extends Error {}
export class OrderNotFound extends Error {}

/** One thing wrong with a request, named by the form field it is about ('form' when it is about the whole form). */
export type Issue = { field: string; message: string }

/** A request refused by a rule, with every specific reason; nothing was saved. */
export class Refused extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map((i) => i.message).join(' '))
  }
}

export function refuse(field: string, message: string): never {
  throw new Refused([{ field, message }])
}
