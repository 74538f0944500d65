import { Router, type Request, type Response } from 'express'
import type { Database } from '../db/database'
import { writeResponsesCsv } from './responsesCsv'
import { writeResponsesXlsx } from './responsesXlsx'
import { requireRole, signedInOfficer } from '../officers/setUpOfficerArea'
import { parseResultsQuery } from '../results/resultsFilterForm'
import { loadResultsAcrossVersions } from '../results/surveyResults'
import { countHeld } from '../responseLimits/store/heldQueries'
import { thresholdFrom } from '../statistics/threshold'
import type { ResultsFilter } from '../results/types'
import { londonToday } from '../i18n/londonDates'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import type { ManagedSurvey } from '../surveyManagement/queries'
import { combinedWordsFor } from '../surveyVersions/combinedWords'
import { versionsAskedIn } from '../surveyVersions/versionList'
import { versionNotes } from '../surveyVersions/versionNotes'
import { writeResultsPdf } from './resultsPdf/resultsPdf'
import { startDownload } from './startDownload'
import { summaryCsv } from './summaryCsv'

type File = 'responses.csv' | 'responses.xlsx' | 'summary.csv' | 'report.pdf'

/**
 * Checks the selection, then starts the download: audited, named for the survey and the day.
 * Returns undefined when the selection was refused (400).
 */
async function prepareDownload(
  db: Database,
  req: Request,
  res: Response,
  file: File,
): Promise<{ survey: ManagedSurvey; filter: ResultsFilter } | undefined> {
  const survey = await loadManagedSurvey(db, req)
  const { chosen, filter } = parseResultsQuery(req.query, survey.definition)
  if (!filter) {
    res.status(400).render('errors/badRequest', { pageTitle: req.t('pages.badRequest.title') })
    return undefined
  }
  await startDownload(db, req, res, {
    file,
    of: survey.slug,
    namedFor: survey.slug,
    namedWhen: londonToday(),
    details: chosen,
  })
  return { survey, filter }
}

/** The primary, for the survey and the audit row; the replica (or the primary again) for what is exported. */
interface Databases {
  db: Database
  readDb: Database
}

function responsesDownload({ db, readDb }: Databases, file: 'responses.csv' | 'responses.xlsx') {
  return async (req: Request, res: Response) => {
    const prepared = await prepareDownload(db, req, res, file)
    if (!prepared) return
    const options = {
      organisationId: signedInOfficer(req).organisationId,
      surveyId: prepared.survey.surveyId,
      language: req.language,
      filter: prepared.filter,
    }
    if (file === 'responses.csv') await writeResponsesCsv(readDb, options, res)
    else await writeResponsesXlsx(readDb, options, res)
  }
}

function resultsDownload({ db, readDb }: Databases, file: 'summary.csv' | 'report.pdf') {
  return async (req: Request, res: Response) => {
    const prepared = await prepareDownload(db, req, res, file)
    if (!prepared) return
    const officer = signedInOfficer(req)
    const { survey, filter } = prepared
    const { results, survey: combined } = await loadResultsAcrossVersions(readDb, {
      organisationId: officer.organisationId,
      surveyId: survey.surveyId,
      filter,
      threshold: thresholdFrom(officer.smallNumberThreshold),
    })
    const input = {
      results,
      definition: combined.definition,
      words: combinedWordsFor(combined, req.language),
      t: req.t,
      language: req.language,
      notes: versionNotes(combined, { t: req.t, language: req.language }),
    }
    if (file === 'summary.csv')
      res.send(
        summaryCsv({
          ...input,
          askedIn: versionsAskedIn(combined, req.language),
          held: await countHeld(
            readDb,
            { organisationId: officer.organisationId, surveyId: survey.surveyId },
            filter,
          ),
        }),
      )
    else await writeResultsPdf({ ...input, organisationName: officer.organisationName, filter }, res)
  }
}

/**
 * Downloads of a survey's results. Everyone may have the summary and the report, which hold only
 * suppressed aggregates; only analysts and admins may have every response.
 */
export function downloadRoutes(db: Database, readDb: Database = db): Router {
  const router = Router()
  const databases = { db, readDb }
  const analyst = requireRole('analyst')
  router.get(
    '/surveys/:survey/downloads/responses.csv',
    analyst,
    responsesDownload(databases, 'responses.csv'),
  )
  router.get(
    '/surveys/:survey/downloads/responses.xlsx',
    analyst,
    responsesDownload(databases, 'responses.xlsx'),
  )
  router.get('/surveys/:survey/downloads/summary.csv', resultsDownload(databases, 'summary.csv'))
  router.get('/surveys/:survey/downloads/report.pdf', resultsDownload(databases, 'report.pdf'))
  return router
}
