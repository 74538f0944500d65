import type { NextFunction, Request, Response } from 'express'
import type { Database } from '../../db/database'
import type { FormErrors } from '../../forms/formErrors'
import { readFormUpload } from '../../forms/readFormUpload'
import type { Officer } from '../../officers/queries'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import type { ImportProblem } from '../files/administrativeImport'
import type { Indicator } from '../model/types'
import { listIndicators } from '../store/indicatorQueries'

/** A kind of figures officers upload as a CSV: administrative figures, comparison figures. */
export interface FigureFile<Value> {
  /** Where its locale keys are (title, heading, intro, done, upload). */
  words: string
  /** Where its form posts, and where it goes once a file is stored. */
  action: string
  /** A file to copy, shown on the page. */
  example: string
  check: (
    text: string,
    indicators: readonly Indicator[],
  ) => { ok: true; values: Value[] } | { ok: false; problems: ImportProblem[] }
  /** Stores the values with their audit line. */
  save: (db: Database, officer: Officer, indicators: readonly Indicator[], values: Value[]) => Promise<void>
}

function render<Value>(
  req: Request,
  res: Response,
  file: FigureFile<Value>,
  form: { problems?: ImportProblem[]; imported?: number } = {},
) {
  const problems = form.problems ?? []
  res.status(problems.length > 0 ? 400 : 200).render('manage/scorecards/import', {
    pageTitle: req.t(`${file.words}.title`),
    hasErrors: problems.length > 0,
    problems: problems.map((problem) => ({ row: problem.row, text: req.t(problem.key, problem.values) })),
    imported: form.imported,
    words: file.words,
    action: file.action,
    example: file.example,
  })
}

export const figureFilePage =
  <Value>(file: FigureFile<Value>) =>
  (req: Request, res: Response) => {
    const imported = Number(req.query.imported)
    render(req, res, file, Number.isInteger(imported) && imported > 0 ? { imported } : {})
  }

/**
 * An uploaded CSV of figures: every row checked first, and a file with any problem rejected whole,
 * with a report row by row, so nothing from it is stored.
 */
export const importFigureFile =
  <Value>(db: Database, file: FigureFile<Value>) =>
  async (req: Request, res: Response, next: NextFunction) => {
    const upload = await readFormUpload(req)
    if (upload instanceof Error) {
      next(upload)
      return
    }
    const officer = signedInOfficer(req)
    const indicators = await listIndicators(db, officer.organisationId)
    const checked = file.check(upload.file.toString('utf8'), indicators)
    if (!checked.ok) {
      render(req, res, file, { problems: checked.problems })
      return
    }
    await file.save(db, officer, indicators, checked.values)
    res.redirect(303, `${file.action}?imported=${checked.values.length}`)
  }

/**
 * The problems of a one-row form checked as a one-row file, as GOV.UK errors: the first problem
 * of each field, in the order of the fields on the page.
 */
export function formErrorsOf(
  problems: readonly ImportProblem[],
  fieldOf: (problem: ImportProblem) => string,
  fields: readonly string[],
  t: Request['t'],
): FormErrors {
  const errors: FormErrors = { errorList: [], fields: {} }
  for (const problem of problems) {
    const field = fieldOf(problem)
    if (field in errors.fields) continue
    const text = t(problem.key, problem.values)
    errors.fields[field] = { text, visuallyHiddenText: t('errors.visuallyHidden') }
    errors.errorList.push({ text, href: `#${field}` })
  }
  errors.errorList.sort((a, b) => fields.indexOf(a.href.slice(1)) - fields.indexOf(b.href.slice(1)))
  return errors
}
