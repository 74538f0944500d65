import type { QuestionDefinition, SurveyDefinition } from '../surveys/definitionSchema'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { QuestionWords, SurveyWords } from '../surveys/words'

/** One piece of a survey's words and where it sits, named as in WordsProblem.field. */
export interface SurveyTextPiece {
  field: string
  text: string
}

/**
 * A question's option ids in the order a person meets them: the values its question type shows, then
 * any other option the words name.
 */
function optionOrder(question: QuestionDefinition, words: QuestionWords): string[] {
  const ordered = [...questionTypeFor(question).values(question)]
  const named = [...Object.keys(words.options ?? {}), ...Object.keys(words.optionHints ?? {})]
  for (const id of named) if (!ordered.includes(id)) ordered.push(id)
  return ordered
}

function questionText(question: QuestionDefinition, words: QuestionWords | undefined): SurveyTextPiece[] {
  if (!words) return []
  const at = `questions.${question.id}`
  const pieces: SurveyTextPiece[] = [{ field: `${at}.title`, text: words.title }]
  if (words.hint) pieces.push({ field: `${at}.hint`, text: words.hint })
  for (const id of optionOrder(question, words)) {
    const option = words.options?.[id]
    const optionHint = words.optionHints?.[id]
    if (option) pieces.push({ field: `${at}.options.${id}`, text: option })
    if (optionHint) pieces.push({ field: `${at}.optionHints.${id}`, text: optionHint })
  }
  if (words.pictureAlt) pieces.push({ field: `${at}.pictureAlt`, text: words.pictureAlt })
  return pieces
}

function pageText(pageId: string, words: SurveyWords): SurveyTextPiece[] {
  const page = words.pages?.[pageId]
  if (!page) return []
  return [
    { field: `pages.${pageId}.title`, text: page.title },
    ...page.body.map((text, index) => ({ field: `pages.${pageId}.body.${index}`, text })),
  ]
}

/**
 * A survey's own words in one language, in the order a person reads them: the title, the start
 * page's purpose and answers paragraphs, then each question in definition order (any information
 * page before it first; title, hint, each option followed by its hint, the picture's description),
 * then information pages that come after the last question. Shared words from common.json (scale
 * answers, age bands) are not the survey's, so are not included.
 */
export function surveyTextInOrder(definition: SurveyDefinition, words: SurveyWords): SurveyTextPiece[] {
  const pagesBefore = (questionId: string | undefined) =>
    definition.informationPages
      .filter((page) => page.before === questionId)
      .flatMap((page) => pageText(page.id, words))
  return [
    { field: 'title', text: words.title },
    ...words.start.purpose.map((text, index) => ({ field: `start.purpose.${index}`, text })),
    ...words.start.answers.map((text, index) => ({ field: `start.answers.${index}`, text })),
    ...definition.questions.flatMap((question) => [
      ...pagesBefore(question.id),
      ...questionText(question, words.questions[question.id]),
    ]),
    ...pagesBefore(undefined),
  ]
}
