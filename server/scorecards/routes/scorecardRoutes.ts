import { Router, type Request, type Response } from 'express'
import type { Database } from '../../db/database'
import { BadRequestError, NotFoundError } from '../../errors'
import { hasRole } from '../../officers/roles'
import { requireRole, signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { formatDateTime } from '../../i18n/formatDate'
import { loadScorecard } from '../store/loadScorecard'
import { periodLabel } from '../model/periodLabel'
import { chosenQuarter, recentQuarters } from '../model/quarters'
import type { JobSender } from '../../jobs/jobQueue'
import { startRun } from './runPages'
import { officerOrganisation } from './scorecardOrganisation'
import { scorecardView } from '../model/scorecardView'
import { scorecardDownloadRoutes } from './downloadRoutes'

async function scorecardFor(db: Database, req: Request) {
  const quarter = chosenQuarter(req.query.period)
  if (!quarter) throw new BadRequestError('Not a quarter')
  const scorecard = await loadScorecard(db, officerOrganisation(req), quarter)
  const view = scorecardView(scorecard, req, {
    officer: hasRole(signedInOfficer(req).role, 'analyst'),
    outcomeHref: (slug) => `${paths.manage.scorecardOutcome(slug)}?period=${quarter.key}`,
  })
  return { quarter, scorecard, view }
}

function commonModel(req: Request, quarter: { key: string }, computedAt: string | null) {
  const officer = signedInOfficer(req)
  return {
    quarters: recentQuarters().map((each) => ({
      value: each.key,
      text: periodLabel(each, req.t, req.language),
      selected: each.key === quarter.key,
    })),
    computedAt: computedAt ? formatDateTime(new Date(computedAt), req.language) : undefined,
    canRun: hasRole(officer.role, 'analyst'),
    isAdmin: hasRole(officer.role, 'admin'),
    downloadQuery: `?period=${quarter.key}`,
  }
}

async function summaryPage(db: Database, req: Request, res: Response) {
  const { quarter, scorecard, view } = await scorecardFor(db, req)
  res.render('manage/scorecards/summary', {
    pageTitle: req.t('pages.scorecards.title'),
    view,
    ...commonModel(req, quarter, scorecard.computedAt),
    hasFramework: scorecard.groups.length > 0,
  })
}

async function outcomePage(db: Database, req: Request, res: Response) {
  const { quarter, scorecard, view } = await scorecardFor(db, req)
  const group = view.groups.find((each) => each.slug === req.params.outcome)
  if (!group) throw new NotFoundError('No such outcome in this organisation')
  res.render('manage/scorecards/outcome', {
    pageTitle: group.title,
    group,
    view,
    action: paths.manage.scorecardOutcome(group.slug),
    ...commonModel(req, quarter, scorecard.computedAt),
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
