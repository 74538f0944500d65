import cookieParser from 'cookie-parser'
import express, { type Express } from 'express'
import type { Clock } from './clock'
import { servedOverTls, type Config } from './config'
import type { JobSender } from './jobs/jobQueue'
import type { Database } from './db/database'
import { healthRoutes } from './health/routes'
import type { TranslatorFor } from './middleware/setUpI18n'
import type { Logger } from './logger'
import { errorHandler, notFoundHandler } from './middleware/errorHandler'
import { createErrorPage } from './middleware/errorPage'
import { requestDeadline } from './middleware/requestDeadline'
import { respondentBulkhead } from './middleware/respondentBulkhead'
import { saveSessionFirst } from './middleware/saveSessionFirst'
import { setUpCsrf } from './middleware/setUpCsrf'
import { languageCookie, setUpI18n } from './middleware/setUpI18n'
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
import { dataEntryRoutes, deviceRespondentRoutes } from './device/routes/routes'
import { downloadRoutes } from './exports/downloadRoutes'
import { createExportLimiter, type ExportLimiter } from './exports/exportLimits'
import { resultsRoutes } from './results/routes'
import { breakdownRoutes } from './results/breakdown/breakdownRoutes'
import { auditRoutes } from './audit/routes'
import { auditRefusals } from './audit/refusals'
import { alertRoutes } from './safeguarding/alerts/alertRoutes'
import { helpRoutes } from './safeguarding/help/helpRoutes'
import { phraseRoutes } from './safeguarding/phrases/phraseRoutes'
import type { Mailer } from './mail/mailer'
import { freeTextRoutes } from './freeText/routes'
import { officerRoutes } from './officers/routes'
import { requireOfficer } from './officers/setUpOfficerArea'
import { enterOrganisationScope, scopeByOrganisation } from './db/organisationScope'
import { signInRoutes } from './signIn/routes'
import { surveyManagementRoutes } from './surveyManagement/routes'
import { surveyFileRoutes } from './surveyFiles/routes'
import { retentionRoutes } from './retention/routes'
import { erasureRoutes } from './erasure/routes'
import { scorecardRoutes } from './scorecards/routes/scorecardRoutes'
import { scorecardManagementRoutes } from './scorecards/routes/manageRoutes'
import { publicScorecardMemory } from './scorecards/routes/publicCache'
import { publicScorecardRoutes } from './scorecards/routes/publicRoutes'
import { organisationSettingsRoutes } from './organisationSettings/routes'
import { organisationPageRoutes } from './privacy/routes'
import { invitationLinkRoutes } from './invitations/linkRoutes'
import { invitationManagementRoutes } from './invitations/manageRoutes'

export interface AppDependencies {
  config: Config
  db: Database
  /** A streaming replica for public scorecard pages and export queries; db when not given. */
  readDb?: Database
  /** Counts the exports running on this process; made from config.exports when not given. */
  exportLimiter?: ExportLimiter
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
  const { config } = deps
  // Under /manage every query runs in the officer's organisation, backed by row-level security.
  const db = scopeByOrganisation(deps.db)
  const readDb = deps.readDb ? scopeByOrganisation(deps.readDb) : db
  const exportLimiter = deps.exportLimiter ?? createExportLimiter(config.exports)
  const app = express()
  app.set('view engine', 'ejs')
  app.set('views', fromRoot('views'))
  app.set('trust proxy', config.trustProxy ? 1 : false)
  if (config.environment === 'production') app.set('view cache', true)

  setUpRequestLogging(app, deps.logger)
  const behindTls = servedOverTls(config)
  const secureCookies = behindTls
  // The language is a cookie of its own, so it is known before everything else: published
  // scorecards sent before are answered from memory here, with the headers they were first sent
  // with, in front of all the work a page made afresh needs.
  const language = languageCookie({ secure: secureCookies })
  app.use(cookieParser(), publicScorecardMemory(language))
  const errorPage = createErrorPage(deps.translatorFor)
  app.use(requestDeadline({ timeoutMs: config.requestTimeoutMs, errorPage }))
  setUpSecurity(app, { behindTls })
  setUpStaticAssets(app)
  app.use(healthRoutes(db))
  // Respondents' requests leave connections free for public pages, officers and /healthz.
  app.use(respondentBulkhead({ poolSize: config.pool.size, waitMs: config.pool.lockTimeoutMs }))
  setUpI18n(app, deps.translatorFor, language)
  setUpSession(app, {
    db,
    secret: deps.sessionSecret,
    maxAgeHours: config.officerSessionHours,
    secure: secureCookies,
  })
  app.use(saveSessionFirst(errorPage))
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
  setUpCsrf(app, { secret: deps.sessionSecret, secure: secureCookies })

  app.use(pageRoutes())
  // Limits per address on starting and sending, and holding what looks automated (RESPONSE_LIMITS).
  const limits = { clock: deps.clock, secret: deps.sessionSecret, settings: config.responseLimits }
  app.use(deviceRespondentRoutes({ db, config, limits, jobs: deps.jobs }))
  app.use(respondRoutes({ db, config, limits, jobs: deps.jobs }))
  app.use(groupCodeRoutes({ db, limits }))
  app.use(helpRoutes({ db, jobs: deps.jobs, clock: deps.clock, secret: deps.sessionSecret }))
  app.use(publicScorecardRoutes(readDb, { baseUrl: config.baseUrl }))
  app.use(organisationPageRoutes(db))
  // Invitation links: no sign-in; the link's token finds its organisation.
  app.use(invitationLinkRoutes({ db, config, clock: deps.clock, secret: deps.sessionSecret }))
  app.use(signInRoutes({ db, config, jobs: deps.jobs }))
  app.use('/manage', requireOfficer(db, config.officerIdleMinutes, config.officerSessionHours))
  app.use('/manage', enterOrganisationScope)
  app.use(
    '/manage/officers',
    officerRoutes({ db, jobs: deps.jobs, clock: deps.clock, invitationDays: config.officerInvitationDays }),
  )
  app.use('/manage/audit', auditRoutes(db))
  app.use(paths.settings.home, organisationSettingsRoutes(db))
  app.use('/manage/alerts', alertRoutes({ db, clock: deps.clock }))
  app.use('/manage', phraseRoutes(db))
  app.use('/manage', surveyManagementRoutes({ db, config, clock: deps.clock }))
  app.use(
    '/manage',
    invitationManagementRoutes({
      db,
      config,
      clock: deps.clock,
      jobs: deps.jobs,
      translatorFor: deps.translatorFor,
    }),
  )
  app.use(surveyFileRoutes({ db, config }))
  app.use('/manage', retentionRoutes(db))
  app.use('/manage/erasure', erasureRoutes(db, deps.jobs))
  app.use('/manage', freeTextRoutes(db))
  app.use('/manage', responseReviewRoutes({ db, config, limits, jobs: deps.jobs }))
  app.use('/manage', dataEntryRoutes({ db, config, clock: deps.clock }))
  app.use('/manage', resultsRoutes(db))
  app.use('/manage', breakdownRoutes(db))
  // Every export (responses, summaries, reports, scorecards) takes a slot before it starts.
  app.use(['/manage/surveys/:survey/downloads', '/manage/scorecards/downloads'], exportLimiter.limit)
  app.use('/manage', downloadRoutes(db, readDb))
  app.use('/manage', scorecardManagementRoutes(db, deps.jobs))
  app.use('/manage', scorecardRoutes(db, deps.jobs, readDb))

  app.use(notFoundHandler)
  app.use(auditRefusals(db))
  app.use(errorHandler(deps.translatorFor))
  return app
}
