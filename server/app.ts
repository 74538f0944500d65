import cookieParser from 'cookie-parser'
import express, { type Express } from 'express'
import type { Clock } from './clock'
import type { Config } from './config'
import type { JobSender } from './jobs/jobQueue'
import type { Database } from './db/database'
import { healthRoutes } from './health/routes'
import type { TranslatorFor } from './middleware/setUpI18n'
import type { Logger } from './logger'
import { errorHandler, notFoundHandler } from './middleware/errorHandler'
import { setUpCsrf } from './middleware/setUpCsrf'
import { setUpI18n } from './middleware/setUpI18n'
import { setUpRequestLogging } from './middleware/setUpRequestLogging'
import { setUpSecurity } from './middleware/setUpSecurity'
import { setUpSession } from './middleware/setUpSession'
import { setUpStaticAssets } from './middleware/setUpStaticAssets'
import { refuseBrokenFormBytes, setUpTextGuard } from './middleware/setUpTextGuard'
import { pageRoutes } from './pages/routes'
import { paths } from './paths'
import { fromRoot } from './projectRoot'
import { respondRoutes } from './respond/routes'
import { groupCodeRoutes, responseReviewRoutes } from './responseLimits/routes/routes'
import { downloadRoutes } from './downloads/routes'
import { resultsRoutes } from './results/routes'
import { auditRoutes } from './audit/routes'
import { alertRoutes } from './safeguarding/alerts/alertRoutes'
import { helpRoutes } from './safeguarding/help/helpRoutes'
import { phraseRoutes } from './safeguarding/phrases/phraseRoutes'
import type { Mailer } from './mail/mailer'
import { freeTextRoutes } from './freeText/routes'
import { officerRoutes } from './officers/routes'
import { requireOfficer } from './officers/setUpOfficerArea'
import { signInRoutes } from './signIn/routes'
import { surveyManagementRoutes } from './surveyManagement/routes'
import { retentionRoutes } from './retention/routes'
import { erasureRoutes } from './erasure/routes'
import { scorecardRoutes } from './scorecards/routes'
import { scorecardManagementRoutes } from './scorecards/manageRoutes'
import { publicScorecardRoutes } from './scorecards/publicRoutes'
import { organisationSettingsRoutes } from './organisationSettings/routes'
import { organisationPageRoutes } from './privacy/routes'

export interface AppDependencies {
  config: Config
  db: Database
  logger: Logger
  translatorFor: TranslatorFor
  sessionSecret: string
  mailer: Mailer
  /** Where requests put background work (safeguarding emails), inside their own transactions. */
  jobs: JobSender
  clock: Clock
}

/** Wires the application from its dependencies. It never listens and never reads the environment. */
export function createApp(deps: AppDependencies): Express {
  const { config, db } = deps
  const app = express()
  app.set('view engine', 'ejs')
  app.set('views', fromRoot('views'))
  app.set('trust proxy', config.trustProxy ? 1 : false)
  if (config.environment === 'production') app.set('view cache', true)

  setUpRequestLogging(app, deps.logger)
  setUpSecurity(app, { behindTls: config.trustProxy })
  setUpStaticAssets(app)
  app.use(healthRoutes(db))
  setUpSession(app, { db, secret: deps.sessionSecret, maxAgeDays: config.draftTtlDays })
  setUpI18n(app, deps.translatorFor)
  app.use(cookieParser())
  // Answers are short; anything bigger than this is refused with 413 before it reaches a route.
  app.use(
    express.urlencoded({
      extended: false,
      limit: '32kb',
      parameterLimit: 100,
      verify: refuseBrokenFormBytes,
    }),
  )
  setUpTextGuard(app)
  setUpCsrf(app)

  app.use(pageRoutes())
  // Limits per address on starting and sending, and holding what looks automated (RESPONSE_LIMITS).
  const limits = { clock: deps.clock, secret: deps.sessionSecret, settings: config.responseLimits }
  app.use(respondRoutes({ db, config, limits, jobs: deps.jobs }))
  app.use(groupCodeRoutes({ db, limits }))
  app.use(helpRoutes({ db, jobs: deps.jobs, clock: deps.clock, secret: deps.sessionSecret }))
  app.use(publicScorecardRoutes(db))
  app.use(organisationPageRoutes(db))
  app.use(signInRoutes({ db, config, mailer: deps.mailer }))
  app.use('/manage', requireOfficer(db, config.officerIdleMinutes))
  app.use('/manage/officers', officerRoutes({ db, config, mailer: deps.mailer }))
  app.use('/manage/audit', auditRoutes(db))
  app.use(paths.settings.home, organisationSettingsRoutes(db))
  app.use('/manage/alerts', alertRoutes({ db, clock: deps.clock }))
  app.use('/manage', phraseRoutes(db))
  app.use('/manage', surveyManagementRoutes({ db, config, clock: deps.clock }))
  app.use('/manage', retentionRoutes(db))
  app.use('/manage/erasure', erasureRoutes(db))
  app.use('/manage', freeTextRoutes(db))
  app.use('/manage', responseReviewRoutes({ db, config, limits }))
  app.use('/manage', resultsRoutes(db))
  app.use('/manage', downloadRoutes(db))
  app.use('/manage', scorecardManagementRoutes(db))
  app.use('/manage', scorecardRoutes(db))

  app.use(notFoundHandler)
  app.use(errorHandler(deps.translatorFor))
  return app
}
