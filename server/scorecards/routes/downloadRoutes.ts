import { Router, type Request, type Response } from 'express'
import { startDownload } from '../../exports/startDownload'
import type { Database } from '../../db/database'
import { writeScorecardPdf } from '../files/scorecardPdf'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { loadScorecard } from '../store/loadScorecard'
import { scorecardChoice } from './scorecardChoice'
import { officerOrganisation } from './scorecardOrganisation'
import { scorecardCsv } from '../files/scorecardCsv'
import { writeScorecardXlsx } from '../files/scorecardXlsx'

const files = ['scorecard.csv', 'scorecard.xlsx', 'scorecard.pdf'] as const
type File = (typeof files)[number]

/**
 * A scorecard download, for a period of the organisation's frequency or a month (as the page it
 * was asked from): checked, audited, named for the organisation and period, never cached.
 */
function download(db: Database, readDb: Database, file: File) {
  return async (req: Request, res: Response) => {
    const { asAt } = scorecardChoice(req)
    const scorecard = await loadScorecard(readDb, officerOrganisation(req), asAt)
    await startDownload(db, req, res, {
      file,
      of: 'scorecards',
      namedFor: signedInOfficer(req).organisationSlug,
      namedWhen: asAt.key.toLowerCase(),
      details: { period: asAt.key },
    })
    const words = [req.t, req.language] as const
    if (file === 'scorecard.csv') res.send(scorecardCsv(scorecard, ...words))
    else if (file === 'scorecard.xlsx') await writeScorecardXlsx(scorecard, ...words, res)
    else await writeScorecardPdf({ scorecard, t: req.t, language: req.language }, res)
  }
}

/**
 * Scorecard downloads hold only suppressed aggregates, so every officer may have them. The figures
 * are read from readDb (a replica when one is set); the audit row is written to the primary.
 */
export function scorecardDownloadRoutes(db: Database, readDb: Database = db): Router {
  const router = Router()
  for (const file of files) router.get(`/${file}`, download(db, readDb, file))
  return router
}
