import path from 'node:path'
import { z } from 'zod'
import type { LimitSettings } from './responseLimits/model/holdRules'

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true')

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  DATABASE_READ_URL: z.string().min(1).optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(3_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(3_600_000).default(20_000),
  EXPORTS_PER_OFFICER: z.coerce.number().int().min(1).max(100).default(2),
  EXPORTS_AT_ONCE: z.coerce.number().int().min(1).max(1000).default(4),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: booleanText.optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  DRAFT_TTL_DAYS: z.coerce.number().positive().max(90).default(7),
  TRUST_PROXY: booleanText.default(false),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Heard <no-reply@heard.invalid>'),
  NOTIFY_API_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]+-[0-9a-f-]{36}-[0-9a-f-]{36}$/, 'NOTIFY_API_KEY must be a GOV.UK Notify API key')
    .optional(),
  NOTIFY_BASE_URL: z.url().optional(),
  NOTIFY_TEMPLATE_ID: z.uuid('NOTIFY_TEMPLATE_ID must be a Notify template id').optional(),
  INVITATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(3000),
  CONTACT_LISTS_KEPT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  OUTBOX_DIR: z.string().min(1).optional(),
  OFFICER_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(30),
  OFFICER_INVITATION_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  OFFICER_SESSION_HOURS: z.coerce
    .number()
    .min(1)
    .max(7 * 24)
    .default(12),
  WORKER: z.enum(['in-process', 'off']).default('in-process'),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(1),
  RESPONSE_LIMITS: z.enum(['on', 'off']).default('on'),
  RESPONSE_STARTS_PER_WINDOW: z.coerce.number().int().min(1).max(100_000).default(60),
  RESPONSE_SUBMITS_PER_WINDOW: z.coerce.number().int().min(1).max(100_000).default(40),
  RESPONSE_LIMIT_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  RESPONSE_MIN_SECONDS_PER_QUESTION: z.coerce.number().min(0).max(60).default(2),
  RESPONSE_BURST_SUBMITS: z.coerce.number().int().min(1).max(100_000).default(10),
  RESPONSE_BURST_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RESPONSE_REPEATED_ANSWERS: z.coerce.number().int().min(1).max(100_000).default(3),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = Readonly<{
  environment: 'development' | 'production' | 'test'
  port: number
  /** Where to listen: 127.0.0.1 by default, 0.0.0.0 in a container behind a proxy. */
  host: string
  baseUrl: string
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  /** A role that may change the schema; when given, migrations run with it at start. */
  migrationDatabaseUrl: string | undefined
  /** A streaming replica for public scorecard pages and exports; the primary when not given. */
  readDatabaseUrl: string | undefined
  /** Connections, and the time any statement or lock wait may take, per connection. */
  pool: { size: number; statementTimeoutMs: number; lockTimeoutMs: number }
  /** Every request is answered within this time (503 with Retry-After when it is not). */
  requestTimeoutMs: number
  /** Exports running at once, per officer and in all. */
  exports: { perOfficer: number; atOnce: number }
  demo: boolean
  sessionSecret: string | undefined
  draftTtlDays: number
  trustProxy: boolean
  logLevel: string
  /** SMTP_URL, or undefined: messages are then written to the outbox folder and the log instead. */
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string; notify: NotifySettings | undefined }
  /**
   * Survey invitations: emails sent a minute across the deployment, and the days after its survey
   * closes that a contact list is kept before it is deleted.
   */
  invitations: { perMinute: number; keptDaysAfterClose: number }
  officerIdleMinutes: number
  /** An officer's invitation link works for this many days; an admin can re-send it after. */
  officerInvitationDays: number
  /** An officer signs in again after this many hours, however active. */
  officerSessionHours: number
  /** in-process: this server also works the background jobs; off: run `npm run worker` separately. */
  worker: 'in-process' | 'off'
  jobPollSeconds: number
  /**
   * Limits per client on starting and sending responses, and holding responses that look automated.
   * RESPONSE_LIMITS=off turns both off, for load tests.
   */
  responseLimits: LimitSettings
}>

/** GOV.UK Notify, used for every email instead of SMTP when NOTIFY_API_KEY is set. */
export interface NotifySettings {
  apiKey: string
  /** Notify's API by default; another address for a test double. */
  baseUrl: string
  /** A template whose subject is ((subject)) and whose body is ((body)). */
  templateId: string
}

/** Reads and checks the environment once; a bad value stops start-up with a message saying which. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const env = parsed.data
  if (env.NOTIFY_API_KEY && !env.NOTIFY_TEMPLATE_ID)
    throw new Error('Invalid configuration:\n  NOTIFY_TEMPLATE_ID: needed with NOTIFY_API_KEY')
  const database = env.DATABASE_URL
    ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: path.resolve(env.DATA_DIR) } as const)
  return Object.freeze({
    environment: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    database,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL,
    readDatabaseUrl: env.DATABASE_READ_URL,
    pool: {
      size: env.DB_POOL_SIZE,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
    },
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    exports: { perOfficer: env.EXPORTS_PER_OFFICER, atOnce: env.EXPORTS_AT_ONCE },
    // Demo data suits the embedded database on a laptop, not a real server, unless asked for.
    demo: env.DEMO ?? database.kind === 'pglite',
    sessionSecret: env.SESSION_SECRET,
    draftTtlDays: env.DRAFT_TTL_DAYS,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      outboxDir: path.resolve(env.OUTBOX_DIR ?? path.join(env.DATA_DIR, 'outbox')),
      notify:
        env.NOTIFY_API_KEY && env.NOTIFY_TEMPLATE_ID
          ? {
              apiKey: env.NOTIFY_API_KEY,
              baseUrl: (env.NOTIFY_BASE_URL ?? 'https://api.notifications.service.gov.uk').replace(/\/$/, ''),
              templateId: env.NOTIFY_TEMPLATE_ID,
            }
          : undefined,
    },
    invitations: {
      perMinute: env.INVITATIONS_PER_MINUTE,
      keptDaysAfterClose: env.CONTACT_LISTS_KEPT_DAYS,
    },
    officerIdleMinutes: env.OFFICER_IDLE_MINUTES,
    officerInvitationDays: env.OFFICER_INVITATION_DAYS,
    officerSessionHours: env.OFFICER_SESSION_HOURS,
    worker: env.WORKER,
    jobPollSeconds: env.JOB_POLL_SECONDS,
    responseLimits: {
      enabled: env.RESPONSE_LIMITS === 'on',
      startsPerWindow: env.RESPONSE_STARTS_PER_WINDOW,
      submitsPerWindow: env.RESPONSE_SUBMITS_PER_WINDOW,
      windowMinutes: env.RESPONSE_LIMIT_WINDOW_MINUTES,
      minSecondsPerQuestion: env.RESPONSE_MIN_SECONDS_PER_QUESTION,
      burstSubmits: env.RESPONSE_BURST_SUBMITS,
      burstSeconds: env.RESPONSE_BURST_SECONDS,
      repeatedAnswers: env.RESPONSE_REPEATED_ANSWERS,
    },
  })
}

/**
 * Secure, `__Host-` cookies and HSTS need TLS: Heard behind a proxy (which ends TLS) and reached at
 * an https address.
 */
export const servedOverTls = (config: Pick<Config, 'trustProxy' | 'baseUrl'>): boolean =>
  config.trustProxy && config.baseUrl.startsWith('https://')
