import type { QuestionDefinition, SurveyDefinition } from '../../server/surveys/definitionSchema'
import { questionTypeFor } from '../../server/surveys/questionTypes/registry'
import type { QuestionWords, SurveyWords } from '../../server/surveys/words'

/**
 * The option ids of a question in the order a person meets them: the values its question type shows
 * (options or age bands, then "don't know" and "prefer not to say"), then any other option the words name.
 */
function optionOrder(question: QuestionDefinition, words: QuestionWords): string[] {
  const ordered = [...questionTypeFor(question).values(question)]
  const named = [...Object.keys(words.options ?? {}), ...Object.keys(words.optionHints ?? {})]
  for (const id of named) if (!ordered.includes(id)) ordered.push(id)
  return ordered
}

function questionText(question: QuestionDefinition, words: QuestionWords | undefined): string[] {
  if (!words) return []
  const texts = [words.title]
  if (words.hint) texts.push(words.hint)
  for (const id of optionOrder(question, words)) {
    const option = words.options?.[id]
    const optionHint = words.optionHints?.[id]
    if (option) texts.push(option)
    if (optionHint) texts.push(optionHint)
  }
  if (words.pictureAlt) texts.push(words.pictureAlt)
  return texts
}

/**
 * A survey's own words in one language, in the order a person reads them: the title, the start
 * page's purpose and answers paragraphs, then each question in definition order (title, hint, each
 * option followed by its hint, and last the picture's description if it has one). Shared words from
 * common.json (scale answers, age bands) are not included.
 */
export function surveyTextInOrder(definition: SurveyDefinition, words: SurveyWords): string[] {
  return [
    words.title,
    ...words.start.purpose,
    ...words.start.answers,
    ...definition.questions.flatMap((question) => questionText(question, words.questions[question.id])),
  ]
}

/** Splits text into sentences on . ! ? and the Urdu full stop and question mark, and on new lines. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[.!?\u06D4\u061F\n]+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
}

/** Whitespace-separated words; a token with no letter or digit (a lone dash, say) is not a word. */
export function wordsOf(sentence: string): string[] {
  return sentence.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token))
}
