// Typed domain errors. Services throw these; the one error handler in
// server/http/error-handler.ts maps each to a status code and an NHS.UK page.

export class DomainError extends Error {
  readonly status: number = 500
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

export class NotFoundError extends DomainError {
  override readonly status = 404
  constructor(message = 'Page not found') {
    super(message)
  }
}

export class ForbiddenError extends DomainError {
  override readonly status = 403
  constructor(message = 'You do not have permission to see this page') {
    super(message)
  }
}

export class ConflictError extends DomainError {
  override readonly status = 409
}

/** One problem with one form field; `field` is the input's id, used for the error summary link. */
export type FieldError = { field: string; message: string }

export class ValidationError extends DomainError {
  override readonly status = 400
  constructor(readonly errors: FieldError[]) {
    super(errors.map(e => e.message).join('; '))
  }
}

export class TooManyRequestsError extends DomainError {
  override readonly status = 429
}
