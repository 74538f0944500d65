import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { slugsInUse } from '../surveyManagement/queries'
import { insertSurveyFromTemplate } from '../surveys/queries'
import { auditedAs, type FileActor } from './auditActor'
import { distinctProblems, type FileProblem } from './fileProblem'
import { outcomeProblems } from './outcomeProblems'
import { listOutcomeSlugs, lockSurveySlugs } from './queries'
import { readSurveyFile } from './readSurveyFile'

export type ImportResult =
  { ok: true; surveyId: string; slug: string } | { ok: false; problems: FileProblem[] }

/** The definition's id if the organisation has no survey by it, else the id with -2, -3 and so on. */
function freeSlug(prefix: string, taken: string[]): string {
  if (!taken.includes(prefix)) return prefix
  for (let suffix = 2; ; suffix += 1) if (!taken.includes(`${prefix}-${suffix}`)) return `${prefix}-${suffix}`
}

/**
 * Imports a survey file into an organisation as a new draft survey at version 1, or reports every
 * problem with the file and writes nothing. The checks of the organisation (its outcomes) and the
 * writes (survey, version, audit) share one transaction, under a lock on the organisation's slugs:
 * a failure anywhere leaves no survey without its version, and two imports of one file at once get
 * two different slugs rather than one refused by the unique key.
 */
export async function importSurveyFile(
  db: Database,
  options: { organisationId: string; by: FileActor; bytes: Uint8Array },
): Promise<ImportResult> {
  const read = readSurveyFile(options.bytes)
  return db.transaction(async (tx): Promise<ImportResult> => {
    const outcomes = new Set(await listOutcomeSlugs(tx, options.organisationId))
    const problems = distinctProblems([
      ...(read.ok ? [] : read.problems),
      ...outcomeProblems(read.raw, outcomes),
    ])
    if (!read.ok || problems.length > 0) return { ok: false, problems }
    const { definition, words } = read.file
    await lockSurveySlugs(tx, options.organisationId)
    const slug = freeSlug(definition.id, await slugsInUse(tx, options.organisationId, definition.id))
    const surveyId = await insertSurveyFromTemplate(tx, {
      organisationId: options.organisationId,
      slug,
      template: { definition, words },
      status: 'draft',
    })
    await recordAudit(tx, {
      organisationId: options.organisationId,
      ...auditedAs(options.by),
      action: 'survey-imported',
      subject: slug,
      details: {
        definition: definition.id,
        questions: definition.questions.length,
        languages: Object.keys(words).join(' '),
      },
    })
    return { ok: true, surveyId, slug }
  })
}
