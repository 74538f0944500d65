import { Router, type Request, type Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { hasRole } from '../../officers/roles'
import { requireRole, signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { formatDateTime } from '../../i18n/formatDate'
import { loadScorecard } from '../store/loadScorecard'
import type { JobSender } from '../../jobs/jobQueue'
import { startRun } from './runPages'
import { officerOrganisation } from './scorecardOrganisation'
import { scorecardView } from '../model/scorecardView'
import { scorecardDownloadRoutes } from './downloadRoutes'
import { choiceModel, scorecardChoice, type ScorecardChoice } from './scorecardChoice'
import { missingTranslations } from './translationPages'

async function scorecardFor(db: Database, req: Request) {
  const choice = scorecardChoice(req)
  const scorecard = await loadScorecard(db, officerOrganisation(req), choice.asAt)
  const view = scorecardView(scorecard, req, {
    officer: hasRole(signedInOfficer(req).role, 'analyst'),
    outcomeHref: (slug) => `${paths.manage.scorecardOutcome(slug)}${choice.query}`,
  })
  return { choice, scorecard, view }
}

function commonModel(req: Request, choice: ScorecardChoice, action: string, computedAt: string | null) {
  const officer = signedInOfficer(req)
  return {
    ...choiceModel(req, choice, action),
    computedAt: computedAt ? formatDateTime(new Date(computedAt), req.language) : undefined,
    canRun: hasRole(officer.role, 'analyst'),
    isAdmin: hasRole(officer.role, 'admin'),
  }
}

/** Every outcome at once, for a period of the organisation's frequency or, as a board dashboard, a month. */
async function summaryPage(db: Database, req: Request, res: Response) {
  const { choice, scorecard, view } = await scorecardFor(db, req)
  res.render('manage/scorecards/summary', {
    pageTitle: req.t(choice.byMonth ? 'pages.scorecards.byMonthTitle' : 'pages.scorecards.title'),
    view,
    ...commonModel(req, choice, paths.manage.scorecards, scorecard.computedAt),
    hasFramework: scorecard.groups.length > 0,
    missingTranslations: hasRole(signedInOfficer(req).role, 'analyst')
      ? await missingTranslations(db, signedInOfficer(req).organisationId, req.t)
      : [],
  })
}

async function outcomePage(db: Database, req: Request, res: Response) {
  const { choice, scorecard, view } = await scorecardFor(db, req)
  const group = view.groups.find((each) => each.slug === req.params.outcome)
  if (!group) throw new NotFoundError('No such outcome in this organisation')
  const action = paths.manage.scorecardOutcome(group.slug)
  res.render('manage/scorecards/outcome', {
    pageTitle: group.title,
    group,
    view,
    ...commonModel(req, choice, action, scorecard.computedAt),
  })
}

async function recompute(db: Database, jobs: JobSender, req: Request, res: Response) {
  await startRun(db, jobs, req, res, { kind: 'recompute' })
}

/** The officers' scorecards: every outcome at once, one outcome in full, recalculating, downloads. */
export function scorecardRoutes(db: Database, jobs: JobSender, readDb: Database = db): Router {
  const router = Router()
  router.get('/scorecards', (req, res) => summaryPage(db, req, res))
  router.get('/scorecards/outcomes/:outcome', (req, res) => outcomePage(db, req, res))
  router.post('/scorecards/recompute', requireRole('analyst'), (req, res) => recompute(db, jobs, req, res))
  router.use('/scorecards/downloads', scorecardDownloadRoutes(db, readDb))
  return router
}
