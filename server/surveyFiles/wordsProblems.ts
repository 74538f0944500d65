import { pathText, type FileProblem } from './fileProblem'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [])

const stringIn = (value: unknown, key: string): string | undefined => {
  const found = isObject(value) ? value[key] : undefined
  return typeof found === 'string' ? found : undefined
}

/** Choice questions whose options need words of the survey's own (scales use the shared answer words). */
const ownOptionTypes = new Set(['single-choice', 'multiple-choice'])

interface WordsNeeded {
  questions: { index: number; id: string; describedPicture: boolean; options: string[] }[]
  pages: string[]
  offered: string[]
}

/** What a definition needs words for, read from the raw file so a definition with other problems is still checked. */
function wordsNeeded(definition: unknown): WordsNeeded {
  const questions = listOf(isObject(definition) ? definition.questions : undefined).flatMap(
    (question, index) => {
      const id = stringIn(question, 'id')
      if (id === undefined || !isObject(question)) return []
      const picture = question.picture
      const options = ownOptionTypes.has(stringIn(question, 'type') ?? '')
        ? listOf(question.options).filter((option): option is string => typeof option === 'string')
        : []
      return [{ index, id, describedPicture: stringIn(picture, 'alt') === 'described', options }]
    },
  )
  const pages = listOf(isObject(definition) ? definition.informationPages : undefined)
    .map((page) => stringIn(page, 'id'))
    .filter((id): id is string => id !== undefined)
  const offered = listOf(isObject(definition) ? definition.languages : undefined).filter(
    (code): code is string => typeof code === 'string',
  )
  return { questions, pages, offered }
}

/**
 * Words a survey cannot run without, in every language the file gives words for: each question's
 * title, a described picture's description, a choice option's label unless the shared answer words
 * have it, each information page, and every language the definition offers.
 */
export function wordsProblems(file: unknown, sharedAnswers: ReadonlySet<string>): FileProblem[] {
  if (!isObject(file) || !isObject(file.words)) return []
  const needed = wordsNeeded(file.definition)
  const words = file.words
  const problems: FileProblem[] = needed.offered
    .filter((code) => !isObject(words[code]))
    .map((code) => ({ path: pathText(['words', code]), key: 'missingLanguage', values: { language: code } }))
  for (const [language, surveyWords] of Object.entries(words)) {
    if (!isObject(surveyWords)) continue
    const questionWords = isObject(surveyWords.questions) ? surveyWords.questions : {}
    for (const question of needed.questions) {
      const own = questionWords[question.id]
      const at = ['words', language, 'questions', question.id]
      if (!isObject(own)) {
        problems.push({ path: pathText(at), key: 'missingQuestionWords', values: { question: question.id } })
        continue
      }
      if (question.describedPicture && stringIn(own, 'pictureAlt') === undefined)
        problems.push({ path: pathText([...at, 'pictureAlt']), key: 'missingPictureAlt' })
      const options = isObject(own.options) ? own.options : {}
      for (const option of question.options)
        if (stringIn(options, option) === undefined && !sharedAnswers.has(option))
          problems.push({
            path: pathText([...at, 'options', option]),
            key: 'missingOptionWords',
            values: { option },
          })
    }
    const pageWords = isObject(surveyWords.pages) ? surveyWords.pages : {}
    for (const page of needed.pages)
      if (!isObject(pageWords[page]))
        problems.push({
          path: pathText(['words', language, 'pages', page]),
          key: 'missingPageWords',
          values: { page },
        })
  }
  return problems
}
