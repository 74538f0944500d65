import { recordAudit } from '../../audit/recordAudit'
import type { Queryable } from '../../db/database'
import type { EnteredMethod } from '../model/collectionMethods'
import { findEnteringOfficerAndSurvey } from './enteredResponseQueries'

/**
 * Inside the submit's transaction, for a response an officer typed in: one audit row saying who
 * entered one response to which survey, and how it was collected. Never the answers, nor the
 * reference that would lead to them.
 */
export async function recordEnteredResponse(
  tx: Queryable,
  entered: { organisationId: string; surveyId: string; officerId: string; method: EnteredMethod },
): Promise<void> {
  const row = await findEnteringOfficerAndSurvey(tx, entered)
  await recordAudit(tx, {
    organisationId: entered.organisationId,
    officer: row?.email ? { id: entered.officerId, email: row.email } : undefined,
    actor: 'removed officer',
    action: 'response-entered',
    subject: row?.slug,
    details: { method: entered.method, count: 1 },
  })
}
