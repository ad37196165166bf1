// Turns validation problems into what the NHS.UK error summary and the field
// partials need, and reads form fields without trusting their type.
import type { ZodError } from 'zod'
import type { FieldError } from '../errors'

export type FormErrors = { errors: FieldError[]; fieldErrors: Record<string, string> }

export function formErrors(errors: FieldError[]): FormErrors {
  const fieldErrors: Record<string, string> = {}
  for (const error of errors) if (!(error.field in fieldErrors)) fieldErrors[error.field] = error.message
  return { errors, fieldErrors }
}

export const noFormErrors: FormErrors = { errors: [], fieldErrors: {} }

/** Zod issues to field errors; the first path element is the field id. */
export function fromZodError(error: ZodError): FieldError[] {
  return error.issues.map(issue => ({ field: String(issue.path[0] ?? ''), message: issue.message }))
}

/** A form field as a trimmed string: arrays and objects (`a[b]=c`) are refused as empty. */
export function text(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value.trim() : ''
}
