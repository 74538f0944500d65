import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formatDateTime } from '../../i18n/formatDate'
import type { JobSender } from '../../jobs/jobQueue'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { periodLabel } from '../model/periodLabel'
import { publishedPeriod } from '../model/scorecardPeriods'
import { findRun, type RunKind } from '../store/runQueries'
import { requestScorecardRun } from '../store/scorecardRuns'
import { officerOrganisation } from './scorecardOrganisation'

/**
 * Asks for a run and sends the officer to its page at once: the work happens in the background,
 * so no officer waits on counting a million responses. Asking while a run is going joins it.
 */
export async function startRun(
  db: Database,
  jobs: JobSender,
  req: Request,
  res: Response,
  ask: { kind: RunKind; period?: string },
): Promise<void> {
  const officer = signedInOfficer(req)
  const { run } = await requestScorecardRun(db, jobs, {
    organisation: officerOrganisation(req),
    officer: { id: officer.id, email: officer.email },
    ...ask,
  })
  res.redirect(303, paths.manage.scorecardRun(run.id))
}

/**
 * A run's page: waiting, working (with how far it has got), done (with where to look) or failed
 * (with what still stands, and a button to try again). It asks the browser to look again every few
 * seconds only while the run is going, and has a link to do so by hand.
 */
export const runPage = (db: Database) => async (req: Request, res: Response) => {
  const id = z.uuid().safeParse(req.params.run)
  const officer = signedInOfficer(req)
  const run = id.success ? await findRun(db, officer.organisationId, id.data) : undefined
  if (!run) throw new NotFoundError('No such scorecard run')
  const period = run.period ? publishedPeriod(run.period) : undefined
  const going = run.state === 'queued' || run.state === 'running'
  res.set('Cache-Control', 'no-store').render('manage/scorecards/run', {
    pageTitle: req.t(`pages.scorecardRun.title.${run.kind}`),
    run: {
      kind: run.kind,
      state: run.state,
      going,
      percent: run.stepsTotal > 0 ? Math.round((run.stepsDone / run.stepsTotal) * 100) : 0,
      stepsDone: run.stepsDone,
      stepsTotal: run.stepsTotal,
      period: period ? periodLabel(period, req.t, req.language) : undefined,
      requestedAt: formatDateTime(run.createdAt, req.language),
      finishedAt: run.finishedAt ? formatDateTime(run.finishedAt, req.language) : undefined,
      reference: run.id,
    },
    selfHref: paths.manage.scorecardRun(run.id),
    resultHref:
      run.kind === 'publish' && run.period
        ? paths.publicScorecards.snapshot(officer.organisationSlug, run.period)
        : paths.manage.scorecards,
    againAction: run.kind === 'publish' ? paths.manage.scorecardPublish : paths.manage.scorecardRecompute,
    period: run.period,
  })
}
