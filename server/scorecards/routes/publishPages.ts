import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { fieldError, noErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { periodLabel } from '../model/periodLabel'
import { publishablePeriods } from '../model/scorecardPeriods'
import { snapshotLinks } from './snapshotLinks'
import { listSnapshots } from '../store/snapshotQueries'
import type { JobSender } from '../../jobs/jobQueue'
import { startRun } from './runPages'

async function render(db: Database, req: Request, res: Response, error?: string) {
  const officer = signedInOfficer(req)
  const frequency = officer.publishFrequency
  const snapshots = await listSnapshots(db, officer.organisationId)
  const published = new Set(snapshots.map((snapshot) => snapshot.period))
  const periods = publishablePeriods(frequency).filter((period) => !published.has(period.key))
  res.status(error ? 400 : 200).render('manage/scorecards/publish', {
    pageTitle: req.t('pages.publish.title'),
    hasErrors: Boolean(error),
    errors: error ? fieldError('period', error, req.t) : noErrors,
    frequency,
    periods: periods.map((period, index) => ({
      value: period.key,
      text: periodLabel(period, req.t, req.language),
      checked: index === 0 && !error,
    })),
    frequencyHref: paths.settings.section('scorecards'),
    publicHref: paths.publicScorecards.list(officer.organisationSlug),
    snapshots: snapshotLinks(snapshots, officer.organisationSlug, req),
  })
}

export const publishPage = (db: Database) => (req: Request, res: Response) => render(db, req, res)

/**
 * Publishes an ended period of the organisation's frequency in the background, then shows how far
 * it has got; a period already published leaves the first one standing and shows it.
 */
export const publish = (db: Database, jobs: JobSender) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  const asked = (req.body as { period?: unknown }).period
  const period = publishablePeriods(officer.publishFrequency).find((each) => each.key === asked)
  if (!period) return render(db, req, res, `errors.publish.period.${officer.publishFrequency}`)
  const published = await listSnapshots(db, officer.organisationId)
  if (published.some((snapshot) => snapshot.period === period.key)) {
    res.redirect(303, paths.publicScorecards.snapshot(officer.organisationSlug, period.key))
    return
  }
  await startRun(db, jobs, req, res, { kind: 'publish', period: period.key })
}
