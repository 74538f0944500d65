import {
  blockingProblems,
  checkSurveyWords,
  describeField,
  describeProblem,
  isMissingWords,
  warnings,
  type WordsProblem,
} from '../easyRead'
import type { Queryable } from '../db/database'
import type { FormErrors } from '../forms/formErrors'
import { languages } from '../i18n/languages'
import type { Translate } from '../i18n/translator'
import { findBuilderSurvey } from '../surveyBuilder/store/builderQueries'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { ManagedSurvey } from './queries'

/** The checks' findings on the survey page, in the officer's language. */
export interface SurveyChecksView {
  blocking: string[]
  warnings: string[]
  missingWords: boolean
}

const languageName = (code: string) => languages.find((language) => language.code === code)?.name ?? code

/** A survey with the checks' findings on the words it would open with. */
export interface CheckedSurvey extends ManagedSurvey {
  checked: { definition: SurveyDefinition; problems: WordsProblem[] }
}

/**
 * Runs the checks over the words the survey would open with: a draft opens with its builder working
 * copy (opening publishes it), any other survey with its newest version.
 */
export async function checkedSurvey(
  db: Queryable,
  organisationId: string,
  survey: ManagedSurvey,
): Promise<CheckedSurvey> {
  const builder =
    survey.status === 'draft' ? await findBuilderSurvey(db, organisationId, survey.slug) : undefined
  const { definition, words } = builder?.copy ?? survey
  return { ...survey, checked: { definition, problems: checkSurveyWords(definition, words) } }
}

function described(problem: WordsProblem, definition: SurveyDefinition, t: Translate): string {
  return t('easyRead.listItem', {
    language: languageName(problem.language),
    place: describeField(problem.field, definition, t),
    problem: describeProblem(problem, t),
  })
}

export function surveyChecksView(survey: CheckedSurvey, t: Translate): SurveyChecksView {
  const { definition, problems } = survey.checked
  return {
    blocking: blockingProblems(problems).map((problem) => described(problem, definition, t)),
    warnings: warnings(problems).map((problem) => described(problem, definition, t)),
    missingWords: problems.some(isMissingWords),
  }
}

/**
 * Why the survey cannot open, for the error summary: missing words name each language (no override
 * helps), otherwise one line for the easy-read checks. Each links to the list of problems.
 */
export function openingErrors(problems: WordsProblem[], t: Translate): FormErrors {
  const missing = [...new Set(problems.filter(isMissingWords).map((problem) => problem.language))]
  const texts =
    missing.length > 0
      ? missing.map((language) => t('easyRead.errors.missingWords', { language: languageName(language) }))
      : [t('easyRead.errors.cannotOpen')]
  return { errorList: texts.map((text) => ({ text, href: '#words-checks' })), fields: {} }
}
