import type { NextFunction, Request, Response } from 'express'
import type { Database } from '../../db/database'
import { BadRequestError, ForbiddenError, TooLargeError } from '../../errors'
import { isSessionCsrfToken } from '../../middleware/setUpCsrf'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { parseAdministrativeCsv, type ImportProblem } from '../files/administrativeImport'
import { recordAdministrativeValues } from '../../audit/scorecardChanges'
import { saveAdministrativeValues } from '../store/factQueries'
import { listIndicators } from '../store/indicatorQueries'
import { readUpload } from '../../forms/readUpload'
import { refreshAdministrativeFacts } from '../store/recomputeFacts'

function render(req: Request, res: Response, form: { problems?: ImportProblem[]; imported?: number } = {}) {
  const problems = form.problems ?? []
  res.status(problems.length > 0 ? 400 : 200).render('manage/scorecards/import', {
    pageTitle: req.t('pages.administrativeImport.title'),
    hasErrors: problems.length > 0,
    problems: problems.map((problem) => ({ row: problem.row, text: req.t(problem.key, problem.values) })),
    imported: form.imported,
  })
}

export const importPage = () => (req: Request, res: Response) => {
  const imported = Number(req.query.imported)
  render(req, res, Number.isInteger(imported) && imported > 0 ? { imported } : {})
}

/**
 * A CSV of administrative figures: every row checked first, and a file with any problem rejected
 * whole, with a report row by row, so nothing from it is stored.
 */
export const importFile = (db: Database) => async (req: Request, res: Response, next: NextFunction) => {
  const upload = await readUpload(req)
  if (upload.kind === 'unreadable') {
    next(new BadRequestError('Unreadable upload'))
    return
  }
  // This form is multipart, so its CSRF token arrives with the file and is checked here.
  if (!isSessionCsrfToken(req, upload.fields._csrf)) {
    next(new ForbiddenError('No CSRF token'))
    return
  }
  if (upload.kind === 'too-large') {
    next(new TooLargeError('Upload over 1 MB'))
    return
  }
  const officer = signedInOfficer(req)
  const indicators = await listIndicators(db, officer.organisationId)
  const checked = parseAdministrativeCsv(upload.file.toString('utf8'), indicators)
  if (!checked.ok) {
    render(req, res, { problems: checked.problems })
    return
  }
  await db.transaction(async (tx) => {
    await recordAdministrativeValues(tx, officer, { indicators, values: checked.values })
    await saveAdministrativeValues(tx, officer.organisationId, checked.values, officer.email)
  })
  await refreshAdministrativeFacts(db, officer.organisationId)
  res.redirect(303, `${paths.manage.scorecardImport}?imported=${checked.values.length}`)
}
