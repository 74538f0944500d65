/** Errors the application expects; the error handler turns each into a status and a page. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly page: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Thrown when a survey, page, version or anything else asked for does not exist (or is not theirs). */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found') {
    super(message, 404, 'errors/notFound')
  }
}

/** Thrown when a form is posted without the session's CSRF token. */
export class ForbiddenError extends DomainError {
  constructor(message = 'Forbidden') {
    super(message, 403, 'errors/forbidden')
  }
}

/** Thrown when a signed-in officer's role does not allow what they asked for. */
export class NotAllowedError extends DomainError {
  constructor(message = 'Not allowed') {
    super(message, 403, 'errors/notAllowed')
  }
}

/** Thrown when a request's query names something that cannot be (e.g. a period that is not a quarter). */
export class BadRequestError extends DomainError {
  constructor(message = 'Bad request') {
    super(message, 400, 'errors/badRequest')
  }
}

/** Thrown when an upload is bigger than its form allows. */
export class TooLargeError extends DomainError {
  constructor(message = 'Too large') {
    super(message, 413, 'errors/tooLarge')
  }
}

/** Thrown when the service cannot answer in time (database busy or down, request deadline passed); 503 with Retry-After. */
export class ServiceUnavailableError extends DomainError {
  constructor(message = 'Service unavailable') {
    super(message, 503, 'errors/unavailable')
  }
}
