import { frameworkSize, recordFrameworkStarted, type ScorecardEditor } from '../../audit/scorecardChanges'
import type { Database, Queryable } from '../../db/database'
import type { LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { headlineAnswersFor } from '../../results/headlineAnswers'
import { listManagedSurveys, type ManagedSurvey } from '../../surveyManagement/queries'
import { optionLabeller } from '../../surveys/labels'
import { questionTypeFor } from '../../surveys/questionTypes/registry'
import { readOutcomeStatements } from '../../surveys/templates'
import { wordsFor } from '../../surveys/words'
import { insertIndicator, listIndicators, type IndicatorFields } from './indicatorQueries'
import { insertOutcomes, listOutcomes } from './outcomeQueries'
import type { Outcome } from '../model/types'

export const frameworkTemplates = ['i-need'] as const

const suggestedDefaults = {
  kind: 'survey',
  unit: 'percentage',
  goodIs: 'up',
  frequency: 'quarterly',
  baseline: null,
  amberTolerance: 5,
} as const

/** One suggested indicator per survey question that evidences an outcome and has a headline answer. */
function suggestionsFor(survey: ManagedSurvey, outcomes: Outcome[], t: Translate, language: LanguageCode) {
  const words = wordsFor(survey.words, language)
  const audience = t(`scorecards.template.audiences.${survey.definition.audience}`)
  const common = {
    ...suggestedDefaults,
    source: t('scorecards.template.sourceSurvey', { survey: words.title }),
    dataOwner: t('scorecards.template.ownerToBeAgreed'),
    surveyId: survey.surveyId,
  }
  const suggestions: (Omit<IndicatorFields, 'number'> & { outcomeSlug: string | null })[] = []
  for (const question of survey.definition.questions) {
    const positive = headlineAnswersFor(question.type)
    const outcome = outcomes.find((each) => each.slug === question.outcome)
    if (!positive || !outcome) continue
    const label = optionLabeller(question, words.questions[question.id], t)
    suggestions.push({
      ...common,
      outcomeId: outcome.id,
      outcomeSlug: outcome.slug,
      wording: t('scorecards.template.suggestedWording', {
        audience,
        answers: positive.map((value) => `“${label(value)}”`).join(t('scorecards.template.answersJoin')),
        question: words.questions[question.id]?.title ?? question.id,
      }),
      counting: {
        questions: [question.id],
        positive: [...positive],
        excluded: questionTypeFor(question).notCounted(question),
        aboutYou: {},
      },
    })
  }
  const importance = survey.definition.questions.filter((question) => question.type === 'importance')
  if (importance.length > 1 && importance[0])
    suggestions.push({
      ...common,
      outcomeId: null,
      outcomeSlug: null,
      wording: t('scorecards.template.overallWording', { audience }),
      counting: {
        questions: importance.map((question) => question.id),
        positive: ['very-important'],
        excluded: questionTypeFor(importance[0]).notCounted(importance[0]),
        aboutYou: {},
      },
    })
  return suggestions
}

/** The next free number in an outcome's group: outcome 2's indicators are 2.1, 2.2 ... */
function numberer(outcomes: Outcome[], taken: Set<string>) {
  return (outcomeSlug: string | null): string => {
    const index =
      outcomeSlug === null ? outcomes.length : outcomes.findIndex((each) => each.slug === outcomeSlug)
    for (let next = 1; ; next += 1) {
      const number = `${index + 1}.${next}`
      if (!taken.has(number)) {
        taken.add(number)
        return number
      }
    }
  }
}

/**
 * Starts an organisation's outcomes framework from a template: its outcome statements in the
 * officer's language, then a suggested indicator for every question of the organisation's surveys
 * that says which of them it evidences, and each survey's overall headline. Officers then edit
 * wording, owners and targets. Outcomes or indicators already there are kept.
 */
export async function startFrameworkFromTemplate(
  db: Database,
  options: {
    organisationId: string
    frameworkId: (typeof frameworkTemplates)[number]
    t: Translate
    language: LanguageCode
    /** The officer who pressed the button, for the audit log; seeding demo data has none. */
    editor?: ScorecardEditor
  },
): Promise<void> {
  const { organisationId, frameworkId, t, editor } = options
  await db.transaction(async (tx: Queryable) => {
    const sizeBefore = await frameworkSize(tx, organisationId)
    await addFromTemplate(tx)
    const sizeAfter = await frameworkSize(tx, organisationId)
    if (editor) await recordFrameworkStarted(tx, editor, { before: sizeBefore, after: sizeAfter })
  })

  async function addFromTemplate(tx: Queryable) {
    const statements = readOutcomeStatements(frameworkId).map((slug) => ({
      slug,
      statement: t(`outcomeStatements.${frameworkId}.${slug}`),
    }))
    await insertOutcomes(tx, organisationId, statements)
    const outcomes = await listOutcomes(tx, organisationId)
    const existing = await listIndicators(tx, organisationId)
    if (existing.length > 0) return
    const next = numberer(outcomes, new Set())
    const surveys = (await listManagedSurveys(tx, organisationId)).filter(
      (survey) => survey.definition.outcomeFramework === frameworkId,
    )
    for (const survey of surveys)
      for (const { outcomeSlug, ...fields } of suggestionsFor(survey, outcomes, t, options.language))
        await insertIndicator(tx, organisationId, { ...fields, number: next(outcomeSlug) })
  }
}
