import pino from 'pino'

export type Logger = pino.Logger

// A database error carries its statement's parameters (answers, emails, session data): only the
// fields that explain the error are logged.
const loggedErrorFields = ['type', 'message', 'stack', 'code', 'severity', 'routine'] as const

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) }
  const full = pino.stdSerializers.err(error) as unknown as Record<string, unknown>
  return Object.fromEntries(
    loggedErrorFields.filter((field) => full[field] !== undefined).map((field) => [field, full[field]]),
  )
}

/**
 * JSON log lines. Request bodies, cookies and query strings are never logged; the redact list is a
 * second line of defence for anything that slips into a log object by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'heard' },
      serializers: { err: serializeError },
      redact: {
        paths: [
          'answers',
          '*.answers',
          'body',
          '*.body',
          'cookie',
          '*.cookie',
          'headers',
          '*.headers',
          'email',
          '*.email',
        ],
        censor: '[hidden]',
      },
    },
    destination,
  )
}
