import type { Request } from 'express'
import { formatDateTime } from '../../i18n/formatDate'
import { paths } from '../../paths'
import { periodLabel } from '../model/periodLabel'
import { publishedPeriod } from '../model/scorecardPeriods'
import type { SnapshotSummary } from '../store/snapshotQueries'

/** Published snapshots as links to their public pages, each named by its period and when it was published. */
export const snapshotLinks = (
  snapshots: readonly SnapshotSummary[],
  organisationSlug: string,
  req: Request,
) =>
  snapshots.map((snapshot) => {
    const period = publishedPeriod(snapshot.period)
    return {
      label: period ? periodLabel(period, req.t, req.language) : snapshot.period,
      publishedAt: formatDateTime(snapshot.publishedAt, req.language),
      href: paths.publicScorecards.snapshot(organisationSlug, snapshot.period),
    }
  })
