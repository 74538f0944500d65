import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { fieldError, noErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { periodLabel } from '../model/periodLabel'
import { publishableQuarters } from '../model/quarters'
import { snapshotLinks } from './snapshotLinks'
import { listSnapshots } from '../store/snapshotQueries'
import type { JobSender } from '../../jobs/jobQueue'
import { startRun } from './runPages'

async function render(db: Database, req: Request, res: Response, error?: string) {
  const officer = signedInOfficer(req)
  const snapshots = await listSnapshots(db, officer.organisationId)
  const published = new Set(snapshots.map((snapshot) => snapshot.period))
  const quarters = publishableQuarters().filter((quarter) => !published.has(quarter.key))
  res.status(error ? 400 : 200).render('manage/scorecards/publish', {
    pageTitle: req.t('pages.publish.title'),
    hasErrors: Boolean(error),
    errors: error ? fieldError('period', error, req.t) : noErrors,
    quarters: quarters.map((quarter, index) => ({
      value: quarter.key,
      text: periodLabel(quarter, req.t, req.language),
      checked: index === 0 && !error,
    })),
    publicHref: paths.publicScorecards.list(officer.organisationSlug),
    snapshots: snapshotLinks(snapshots, officer.organisationSlug, req),
  })
}

export const publishPage = (db: Database) => (req: Request, res: Response) => render(db, req, res)

/**
 * Publishes an ended quarter in the background, then shows how far it has got; a quarter already
 * published leaves the first one standing and shows it.
 */
export const publish = (db: Database, jobs: JobSender) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  const asked = (req.body as { period?: unknown }).period
  const quarter = publishableQuarters().find((each) => each.key === asked)
  if (!quarter) return render(db, req, res, 'errors.publish.period')
  const published = await listSnapshots(db, officer.organisationId)
  if (published.some((snapshot) => snapshot.period === quarter.key)) {
    res.redirect(303, paths.publicScorecards.snapshot(officer.organisationSlug, quarter.key))
    return
  }
  await startRun(db, jobs, req, res, { kind: 'publish', period: quarter.key })
}
