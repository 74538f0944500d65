import path from 'node:path'
import { z } from 'zod'

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true')

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: booleanText.optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  DRAFT_TTL_DAYS: z.coerce.number().positive().max(90).default(7),
  TRUST_PROXY: booleanText.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = Readonly<{
  environment: 'development' | 'production' | 'test'
  port: number
  baseUrl: string
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string }
  demo: boolean
  sessionSecret: string | undefined
  draftTtlDays: number
  trustProxy: boolean
  logLevel: string
}>

/** Reads and checks the environment once; a bad value stops start-up with a message saying which. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const env = parsed.data
  const database = env.DATABASE_URL
    ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: path.resolve(env.DATA_DIR) } as const)
  return Object.freeze({
    environment: env.NODE_ENV,
    port: env.PORT,
    baseUrl: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    database,
    // Demo data suits the embedded database on a laptop, not a real server, unless asked for.
    demo: env.DEMO ?? database.kind === 'pglite',
    sessionSecret: env.SESSION_SECRET,
    draftTtlDays: env.DRAFT_TTL_DAYS,
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
  })
}
