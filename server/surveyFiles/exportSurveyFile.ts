import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { auditedAs, type FileActor } from './auditActor'
import { findSurveyForFile, type SurveyName } from './queries'
import { surveyFileDocument, surveyFileName } from './surveyFileDocument'

export interface ExportedFile {
  slug: string
  fileName: string
  json: string
}

/**
 * One of the organisation's surveys as a survey file, recorded in the audit log with
 * what was exported; undefined when the organisation has no such survey.
 */
export async function exportSurveyFile(
  db: Database,
  options: { organisationId: string; survey: SurveyName; by: FileActor; schemaUrl: string },
): Promise<ExportedFile | undefined> {
  return db.transaction(async (tx) => {
    const survey = await findSurveyForFile(tx, options.organisationId, options.survey)
    if (!survey) return undefined
    await recordAudit(tx, {
      organisationId: options.organisationId,
      ...auditedAs(options.by),
      action: 'survey-exported',
      subject: survey.slug,
      details: survey.workingCopy ? { workingCopyOf: survey.version } : { version: survey.version },
    })
    return {
      slug: survey.slug,
      fileName: surveyFileName(survey.slug, survey.workingCopy),
      json: surveyFileDocument(survey, options.schemaUrl),
    }
  })
}
