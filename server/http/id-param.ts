// Ids from the URL or a form, checked before they reach a query: a 24-hex string
// or "not found". Never an object, so never a query operator.
import { NotFoundError } from '../errors'

export function idParam(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{24}$/i.test(value)) throw new NotFoundError()
  return value.toLowerCase()
}

/** The same for an optional field: empty is undefined, anything else must be an id. */
export function optionalIdParam(value: unknown): string | undefined {
  return value === undefined || value === '' ? undefined : idParam(value)
}
