import type { Database } from '../../db/database'
import { findSurveyVersion } from '../../surveys/queries'
import type { EnteredMethod } from '../model/collectionMethods'
import { insertEnteredDraft } from './draftQueries'

/**
 * A fresh draft for an officer to type one response into, on the survey's newest version. It is
 * not counted against any address: an officer typing in a pile of paper forms is not a flood.
 */
export async function startDataEntry(
  db: Database,
  input: {
    survey: { organisationId: string; surveyId: string }
    officerId: string
    method: EnteredMethod
    language: string
    ttlDays: number
    now: Date
  },
) {
  const version = await findSurveyVersion(db, input.survey)
  if (!version) throw new Error('A managed survey has no version')
  const draftId = await insertEnteredDraft(db, {
    ...input.survey,
    version: version.version,
    language: input.language,
    ttlDays: input.ttlDays,
    method: input.method,
    officerId: input.officerId,
    now: input.now,
  })
  return { draftId, version }
}
