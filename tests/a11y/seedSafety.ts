import { randomUUID } from 'node:crypto'
import type { Database } from '../../server/db/database'
import type { HoldReason } from '../../server/responseLimits/model/holdRules'
import { insertHeldResponse } from '../../server/responseLimits/store/heldQueries'
import { createJobQueue } from '../../server/jobs/jobQueue'
import { createLogger } from '../../server/logger'
import { raiseAlert } from '../../server/safeguarding/alerts/raiseAlert'
import type { Language } from './checks'

export interface SeededAlerts {
  helpRequest: string
  freeText: string
}

/**
 * A response per language for the erasure pages to find and erase, and alerts per language for the
 * alert pages to acknowledge and close: the two tours run side by side and must not share them.
 */
export async function seedSafety(
  db: Database,
  organisationId: string,
  surveyId: string,
): Promise<{ erasable: Record<Language, string>; alerts: Record<Language, SeededAlerts> }> {
  const erasable = { en: 'E1A5-A11Y', ur: 'E2A5-A11Y' }
  for (const reference of Object.values(erasable))
    await db.query(
      `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
       VALUES ($1, gen_random_uuid(), $2, 1, 'en', $3, gen_random_uuid(), '{}'::jsonb)`,
      [organisationId, surveyId, reference],
    )
  const jobs = createJobQueue(db, createLogger('silent'), { pollingSeconds: 1 })
  const raise = (kind: 'help-request' | 'free-text', language: Language) =>
    db.transaction((tx) =>
      raiseAlert(
        tx,
        jobs,
        {
          organisationId,
          kind,
          surveyId,
          language,
          reasons:
            kind === 'free-text'
              ? [
                  {
                    questionId: 'life-better',
                    text: 'Nobody listens and I am not safe at home',
                    phrases: ['not safe'],
                  },
                ]
              : [],
          ...(kind === 'help-request'
            ? {
                helpRequest: {
                  name: 'Sam',
                  contactMethod: 'school',
                  contactDetail: null,
                  school: 'Oak Primary',
                  message: 'I want to talk about home.',
                  answersMayBeSeen: false,
                },
              }
            : {}),
        },
        new Date(),
      ),
    )
  const alerts = {
    en: { helpRequest: await raise('help-request', 'en'), freeText: await raise('free-text', 'en') },
    ur: { helpRequest: await raise('help-request', 'ur'), freeText: await raise('free-text', 'ur') },
  }
  // Responses held for review, with every reason, for the held responses page and the results notice.
  const reasons: HoldReason[][] = [['too-fast'], ['burst'], ['repeated-answers'], ['too-fast', 'burst']]
  for (const [index, held] of reasons.entries())
    await insertHeldResponse(db, {
      organisationId,
      id: randomUUID(),
      surveyId,
      version: 1,
      language: 'en',
      reference: `H${index}LD-A11Y`,
      draftId: randomUUID(),
      answers: { 'listened-to': 'very-important' },
      submittedAt: new Date(),
      startedAt: new Date(Date.now() - 4000),
      reasons: held,
    })
  return { erasable, alerts }
}
