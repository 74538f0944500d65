import type { Request } from 'express'
import { formatDateTime } from '../../i18n/formatDate'
import { paths } from '../../paths'
import { periodLabel } from '../model/periodLabel'
import { parsePeriod } from '../model/periods'
import type { SnapshotSummary } from '../store/snapshotQueries'

/** Published snapshots as links to their public pages, each named by its quarter and when it was published. */
export const snapshotLinks = (
  snapshots: readonly SnapshotSummary[],
  organisationSlug: string,
  req: Request,
) =>
  snapshots.map((snapshot) => {
    const period = parsePeriod('quarterly', snapshot.period)
    return {
      label: period ? periodLabel(period, req.t, req.language) : snapshot.period,
      publishedAt: formatDateTime(snapshot.publishedAt, req.language),
      href: paths.publicScorecards.snapshot(organisationSlug, snapshot.period),
    }
  })
