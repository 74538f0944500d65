import pino from 'pino'

export type Logger = pino.Logger

/**
 * JSON log lines. Request bodies, cookies and query strings are never logged; the redact list is a
 * second line of defence for anything that slips into a log object by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'heard' },
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
