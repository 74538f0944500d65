import { recordAudit } from '../../audit/recordAudit'
import type { Queryable } from '../../db/database'
import type { Translate } from '../../i18n/translator'
import { headlineAnswersFor } from '../../results/headlineAnswers'
import { insertIndicator } from '../../scorecards/store/indicatorQueries'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import type { WorkingCopy } from '../model/workingCopy'
import { addQuestionToIndicator, listOutcomesAndIndicators } from './indicatorLinkQueries'

interface Publisher {
  organisationId: string
  officer: { id: string; email: string }
  surveyId: string
  slug: string
  t: Translate
}

/** The next free number in an outcome's group (outcome 2: 2.1, 2.2 ...), as the framework template numbers them. */
function nextNumber(group: number, taken: Set<string>): string {
  for (let next = 1; ; next += 1) if (!taken.has(`${group}.${next}`)) return `${group}.${next}`
}

/**
 * Makes each published question that evidences an outcome ("I need" statements) count in that
 * outcome's survey indicator for this survey: added to the indicator's questions when there is one,
 * or a new indicator made as the framework template would make it. An outcome the organisation does
 * not have is left alone. Runs in the publishing transaction, so the scorecard never sees a published
 * question without its indicator.
 */
export async function linkOutcomeIndicators(
  tx: Queryable,
  publisher: Publisher,
  copy: WorkingCopy,
): Promise<void> {
  const { outcomes, indicators } = await listOutcomesAndIndicators(tx, publisher.organisationId)
  const taken = new Set(indicators.map((indicator) => indicator.number))
  const words = copy.words.en
  for (const question of copy.definition.questions) {
    const outcomeIndex = outcomes.findIndex((outcome) => outcome.slug === question.outcome)
    const outcome = outcomes[outcomeIndex]
    const positive = headlineAnswersFor(question.type)
    if (!outcome || !positive) continue
    const existing = indicators.find(
      (indicator) => indicator.outcome_slug === outcome.slug && indicator.survey_id === publisher.surveyId,
    )
    if (existing) {
      if (existing.questions?.includes(question.id)) continue
      await addQuestionToIndicator(tx, publisher.organisationId, {
        indicatorId: existing.id,
        questionId: question.id,
      })
      existing.questions = [...(existing.questions ?? []), question.id]
      await audit(tx, publisher, 'indicator-changed', { number: existing.number, question: question.id })
      continue
    }
    const number = nextNumber(outcomeIndex + 1, taken)
    taken.add(number)
    const t = publisher.t
    const id = await insertIndicator(tx, publisher.organisationId, {
      outcomeId: outcome.id,
      number,
      wording: t('scorecards.template.suggestedWording', {
        audience: t(`scorecards.template.audiences.${copy.definition.audience}`),
        answers: positive
          .map((value) => `“${t(`answers.${value}`)}”`)
          .join(t('scorecards.template.answersJoin')),
        question: words?.questions[question.id]?.title ?? outcome.statement,
      }).slice(0, 300),
      kind: 'survey',
      unit: 'percentage',
      goodIs: 'up',
      frequency: 'quarterly',
      source: t('scorecards.template.sourceSurvey', { survey: words?.title ?? publisher.slug }).slice(0, 200),
      dataOwner: t('scorecards.template.ownerToBeAgreed'),
      baseline: null,
      amberTolerance: 5,
      surveyId: publisher.surveyId,
      counting: {
        questions: [question.id],
        positive: [...positive],
        excluded: questionTypeFor(question).notCounted(question),
        aboutYou: {},
      },
    })
    if (id) {
      indicators.push({
        id,
        number,
        outcome_slug: outcome.slug,
        survey_id: publisher.surveyId,
        questions: [question.id],
      })
      await audit(tx, publisher, 'indicator-added', { number, question: question.id })
    }
  }
}

async function audit(
  tx: Queryable,
  publisher: Publisher,
  action: 'indicator-added' | 'indicator-changed',
  details: { number: string; question: string },
): Promise<void> {
  await recordAudit(tx, {
    organisationId: publisher.organisationId,
    officer: publisher.officer,
    action,
    subject: details.number,
    details: { survey: publisher.slug, question: details.question },
  })
}
