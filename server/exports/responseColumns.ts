import type { Translate } from '../i18n/translator'
import type { QuestionDefinition } from '../surveys/definitionSchema'
import { optionLabeller } from '../surveys/labels'
import type { SurveyVersion } from '../surveys/queries'
import type { OptionLabeller, StoredAnswer } from '../surveys/questionTypes/contract'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import { wordsFor } from '../surveys/words'

/** One question's column: its words as the heading, and how to write any version's answer to it. */
export interface QuestionColumn {
  questionId: string
  heading: string
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
 * The question columns for responses to any of these versions: the newest version's questions in
 * its order, then questions only older versions asked, newest first. A question's heading is its
 * newest words; an answer is labelled as the version it was given to asked it, since ids are
 * stable but the words around them may have changed.
 */
export function buildQuestionColumns(
  versions: readonly SurveyVersion[],
  language: string,
  t: Translate,
): QuestionColumn[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version)
  const asked = new Map(newestFirst.map((version) => [version.version, askedIn(version, language, t)]))
  const columns = new Map<string, QuestionColumn>()
  for (const version of newestFirst) {
    const questions = asked.get(version.version) ?? new Map<string, AskedQuestion>()
    const words = wordsFor(version.words, language)
    for (const [questionId, newest] of questions) {
      if (columns.has(questionId)) continue
      columns.set(questionId, {
        questionId,
        heading: words.questions[questionId]?.title ?? questionId,
        cellFor(answerVersion, answer) {
          const { question, label } = asked.get(answerVersion)?.get(questionId) ?? newest
          return questionTypeFor(question).csvValue(answer ?? null, label)
        },
      })
    }
  }
  return [...columns.values()]
}
