import fs from 'node:fs'
import { readFormUpload } from '../forms/readFormUpload'
import type { NextFunction, Request, Response } from 'express'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { fromRoot } from '../projectRoot'
import { stableId } from '../surveys/definitionSchema'
import { exportSurveyFile } from './exportSurveyFile'
import type { FileProblem } from './fileProblem'
import { importSurveyFile } from './importSurveyFile'
import { problemText } from './problemText'
import { schemaUrlOf } from './surveyFileDocument'

function renderImport(req: Request, res: Response, problems: FileProblem[] = []) {
  res.status(problems.length > 0 ? 400 : 200).render('manage/surveyFiles/import', {
    pageTitle: req.t('surveyFiles.import.title'),
    hasErrors: problems.length > 0,
    problems: problems.map((problem) => ({ path: problem.path, text: problemText(problem, req.t) })),
    schemaHref: paths.surveyFileSchema,
  })
}

export function importForm(req: Request, res: Response): void {
  renderImport(req, res)
}

/** A survey file uploaded as a multipart form: imported whole as a draft, or refused with every problem. */
export const importUpload = (db: Database) => async (req: Request, res: Response, next: NextFunction) => {
  const upload = await readFormUpload(req)
  if (upload instanceof Error) {
    next(upload)
    return
  }
  if (upload.file.length === 0) {
    renderImport(req, res, [{ path: '', key: 'chooseFile' }])
    return
  }
  const officer = signedInOfficer(req)
  const imported = await importSurveyFile(db, {
    organisationId: officer.organisationId,
    by: { officer },
    bytes: upload.file,
  })
  if (!imported.ok) {
    renderImport(req, res, imported.problems)
    return
  }
  res.redirect(303, paths.manage.survey(imported.slug))
}

/** One of the officer's organisation's surveys as a survey file; any other survey is a 404. */
export const exportFile = (deps: { db: Database; config: Config }) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  const slug = String(req.params.survey)
  const exported = stableId.safeParse(slug).success
    ? await exportSurveyFile(deps.db, {
        organisationId: officer.organisationId,
        survey: { slug },
        by: { officer },
        schemaUrl: schemaUrlOf(deps.config),
      })
    : undefined
  if (!exported) throw new NotFoundError('No such survey in this organisation')
  res.attachment(exported.fileName)
  res.type('application/json').send(exported.json)
}

let publishedSchema: string | undefined

/** The JSON Schema of survey files as published in surveys/, for editors and other services. */
export function surveyFileSchemaPage(_req: Request, res: Response): void {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- one fixed file in the surveys folder
  publishedSchema ??= fs.readFileSync(fromRoot('surveys', 'survey-file.schema.json'), 'utf8')
  res.set('Cache-Control', 'public, max-age=3600')
  res.type('application/schema+json').send(publishedSchema)
}
