import type { Queryable } from '../db/database'
import { insertPlannedResponses } from './demoQueries'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import { questionTypeFor } from '../surveys/questionTypes/registry'

/** A small repeatable random number generator (mulberry32), so every demo looks the same. */
function randomFrom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Demo answers: the first option of a rating scale (the most positive) more often as the quarters
 * go by, so the demo scorecard has trends to show. Free text is left empty: the demo has no words
 * of anyone's.
 */
function answersFor(
  definition: SurveyDefinition,
  random: () => number,
  lift: number,
): Record<string, string | null> {
  const answers: Record<string, string | null> = {}
  for (const question of definition.questions) {
    if (question.type === 'free-text' || question.type === 'multiple-choice') {
      answers[question.id] = null
      continue
    }
    const values = questionTypeFor(question).values(question)
    const scale = question.type === 'importance' || question.type === 'agreement' || question.type === 'faces'
    const pick = scale && random() < 0.25 + lift ? 0 : Math.floor(random() * values.length)
    answers[question.id] = values[pick] ?? null
  }
  return answers
}

/** Inserts demo responses to one survey: `perQuarter` in each of the given quarters' first days onward. */
export async function insertDemoResponses(
  db: Queryable,
  survey: { organisationId: string; surveyId: string; definition: SurveyDefinition },
  quarters: { start: string }[],
  perQuarter: number,
): Promise<void> {
  const random = randomFrom(survey.definition.questions.length * 7919)
  const rows = quarters.flatMap((quarter, index) =>
    Array.from({ length: perQuarter }, (_, number) => ({
      reference: `DEMO-${survey.surveyId.slice(0, 4).toUpperCase()}-${index}-${number}`,
      answers: answersFor(survey.definition, random, index * 0.04),
      submittedAt: new Date(
        Date.parse(`${quarter.start}T10:00:00Z`) + ((number * 37) % 80) * 86_400_000,
      ).toISOString(),
    })),
  )
  await insertPlannedResponses(db, survey, rows)
}
