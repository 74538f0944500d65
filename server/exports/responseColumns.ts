import type { Translate } from '../i18n/translator'
import type { QuestionDefinition } from '../surveys/definitionSchema'
import { optionLabeller } from '../surveys/labels'
import type { SurveyVersion } from '../surveys/queries'
import type { OptionLabeller, StoredAnswer } from '../surveys/questionTypes/contract'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import { wordsFor } from '../surveys/words'
import type { CombinedSurvey } from '../surveyVersions/combineVersions'
import { combinedWordsFor } from '../surveyVersions/combinedWords'

/** One question's column: its words as the heading, and how to write any version's answer to it. */
export interface QuestionColumn {
  questionId: string
  /** The question's newest words. */
  title: string
  cellFor(version: number, answer: StoredAnswer | undefined): string
}

interface AskedQuestion {
  question: QuestionDefinition
  label: OptionLabeller
}

/** Looks each option's words up once: an export asks for the same few labels a million times over. */
function rememberLabels(label: OptionLabeller): OptionLabeller {
  const labels = new Map<string, string>()
  return (value) => {
    let text = labels.get(value)
    if (text === undefined) {
      text = label(value)
      labels.set(value, text)
    }
    return text
  }
}

/** Each question as a version asked it, with its option words in the export's language. */
function askedIn(version: SurveyVersion, language: string, t: Translate): Map<string, AskedQuestion> {
  const words = wordsFor(version.words, language)
  return new Map(
    version.definition.questions.map((question) => [
      question.id,
      { question, label: rememberLabels(optionLabeller(question, words.questions[question.id], t)) },
    ]),
  )
}

/**
 * The question columns for responses to any version of a survey: every question any version asked,
 * in the combined order (see server/surveyVersions/combineVersions.ts), headed with its newest
 * words. An answer is labelled as the version it was given to asked it, since ids are stable but
 * the words around them may have changed. A response with no answer stored for a question was not
 * asked it (a condition skipped it, or its version did not have it): its cell says "Not asked". An
 * answer left blank stays an empty cell.
 */
export function buildQuestionColumns(
  survey: CombinedSurvey,
  language: string,
  t: Translate,
): QuestionColumn[] {
  const asked = new Map(survey.versions.map((version) => [version.version, askedIn(version, language, t)]))
  const words = combinedWordsFor(survey, language)
  const notAsked = t('versions.answers.notAsked')
  return survey.definition.questions.map((combined) => {
    const newest = {
      question: combined,
      label: rememberLabels(optionLabeller(combined, words.questions[combined.id], t)),
    }
    return {
      questionId: combined.id,
      title: words.questions[combined.id]?.title ?? combined.id,
      cellFor(answerVersion, answer) {
        if (answer === undefined) return notAsked
        const { question, label } = asked.get(answerVersion)?.get(combined.id) ?? newest
        return questionTypeFor(question).csvValue(answer, label)
      },
    }
  })
}
