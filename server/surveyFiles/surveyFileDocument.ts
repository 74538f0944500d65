import type { Config } from '../config'
import { languages } from '../i18n/languages'
import { paths } from '../paths'
import { surveyDefinitionSchema, type SurveyDefinition } from '../surveys/definitionSchema'
import {
  surveyWordsSchema,
  type QuestionWords,
  type SurveyWords,
  type SurveyWordsByLanguage,
} from '../surveys/words'
import { surveyFileFormat, surveyFileFormatVersion } from './surveyFileSchema'

/** Where each exported file says its schema is published, on this service. */
export const schemaUrlOf = (config: Config): string => `${config.baseUrl}${paths.surveyFileSchema}`

/** A record's entries in the order of the ids given, then any others as they were. */
function inOrder<T>(record: Record<string, T>, ids: string[]): Record<string, T> {
  const known = ids.filter((id) => id in record)
  const others = Object.keys(record).filter((key) => !ids.includes(key))
  return Object.fromEntries([...known, ...others].map((key) => [key, record[key] as T]))
}

/**
 * The stored pair in the order a person reads it. The database keeps JSON with its keys sorted its
 * own way, so the definition is put back into the schema's order, languages into Heard's order and
 * each language's questions and pages into the survey's. A stored pair the schemas no longer accept
 * is written as stored, for the import to report.
 */
function readableOrder(definition: SurveyDefinition, words: SurveyWordsByLanguage) {
  const parsed = surveyDefinitionSchema.safeParse(definition)
  const ordered = parsed.success ? parsed.data : definition
  // A pair stored before information pages existed has none, whatever the type of today says.
  const shape: { questions: { id: string; options?: string[] }[]; informationPages?: { id: string }[] } =
    ordered
  const questionIds = shape.questions.map((question) => question.id)
  const optionsOf = new Map(shape.questions.map((question) => [question.id, question.options ?? []]))
  const tidyQuestion = (id: string, own: QuestionWords): QuestionWords => {
    const { options, optionHints, ...rest } = own
    const order = optionsOf.get(id) ?? []
    return {
      ...rest,
      ...(options === undefined ? {} : { options: inOrder(options, order) }),
      ...(optionHints === undefined ? {} : { optionHints: inOrder(optionHints, order) }),
    }
  }
  const pageIds = (shape.informationPages ?? []).map((page) => page.id)
  const languageOrder = languages.map((language) => language.code as string)
  const byLanguage = inOrder(words, languageOrder)
  const tidy = (surveyWords: SurveyWords): SurveyWords => {
    const checked = surveyWordsSchema.safeParse(surveyWords)
    if (!checked.success) return surveyWords
    const { questions, pages, ...rest } = checked.data
    return {
      ...rest,
      questions: Object.fromEntries(
        Object.entries(inOrder(questions, questionIds)).map(([id, own]) => [id, tidyQuestion(id, own)]),
      ),
      ...(pages === undefined ? {} : { pages: inOrder(pages, pageIds) }),
    }
  }
  return {
    definition: ordered,
    words: Object.fromEntries(Object.entries(byLanguage).map(([code, each]) => [code, tidy(each)])),
  }
}

/**
 * A survey as a file: the definition (without the editor pointer a template in surveys/ carries,
 * which means nothing elsewhere) and its words, pointing at the published schema.
 */
export function surveyFileDocument(
  survey: { definition: SurveyDefinition; words: SurveyWordsByLanguage },
  schemaUrl: string,
): string {
  const { definition, words } = readableOrder(survey.definition, survey.words)
  const withoutPointer: Partial<SurveyDefinition> = { ...definition }
  delete withoutPointer.$schema
  const document = {
    $schema: schemaUrl,
    format: surveyFileFormat,
    formatVersion: surveyFileFormatVersion,
    definition: withoutPointer,
    words,
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

/** e.g. what-i-need.survey.json, or what-i-need.working-copy.survey.json for unpublished changes. */
export const surveyFileName = (slug: string, workingCopy: boolean): string =>
  `${slug}${workingCopy ? '.working-copy' : ''}.survey.json`
