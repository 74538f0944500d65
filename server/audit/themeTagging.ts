import type { Queryable } from '../db/database'
import { listAnswerThemeNames } from './changeQueries'
import { changedOnly, recordAudit } from './recordAudit'

interface TaggedAnswer {
  organisationId: string
  surveySlug: string
  responseId: string
  questionId: string
}

/** The answer's theme names in alphabetical order, joined, or null when it has none. */
async function themeNames(tx: Queryable, answer: TaggedAnswer): Promise<string | null> {
  const names = await listAnswerThemeNames(tx, answer)
  return names.length === 0 ? null : names.join(', ')
}

/**
 * Runs `tag` (which changes one free-text answer's themes) inside the caller's transaction and records
 * the themes before and after. Only theme names are written: never the answer's text.
 */
export async function withThemeTaggingAudited(
  tx: Queryable,
  officer: { id: string; email: string },
  answer: TaggedAnswer,
  tag: () => Promise<void>,
): Promise<void> {
  const before = await themeNames(tx, answer)
  await tag()
  const after = await themeNames(tx, answer)
  if (before === after) return
  await recordAudit(tx, {
    organisationId: answer.organisationId,
    officer,
    action: 'themes-tagged',
    subject: answer.surveySlug,
    details: { question: answer.questionId, response: answer.responseId },
    change: changedOnly({ themes: before }, { themes: after }),
  })
}
