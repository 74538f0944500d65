import type { Queryable } from '../db/database'
import { NotFoundError } from '../errors'
import type { LanguageCode } from '../i18n/languages'
import { createTranslator, type Translate } from '../i18n/translator'
import type { ResultsFilter } from '../results/types'
import { findSurveyVersions } from './queries'
import { buildQuestionColumns, type QuestionColumn } from './responseColumns'
import { readResponseRows } from './responseRows'
import { toSpreadsheetCell } from './spreadsheetCell'
import { formatSubmittedDay } from './submittedTime'

/** Which responses to export, and the language its headings and answer labels are written in. */
export interface ResponsesExport {
  organisationId: string
  surveyId: string
  language: LanguageCode
  filter?: ResultsFilter
}

/** The export as headings and rows of text, every cell already safe to open in a spreadsheet. */
export interface ResponsesTable {
  headings: string[]
  rows: AsyncIterable<string[]>
}

// The locale files have no words for these yet, and the parity test refuses keys they lack; until
// they do, these three headings are English in every language.
const fixedHeadings = ['Submitted', 'Survey version', 'Language']

let translator: Promise<(language: LanguageCode) => Translate> | undefined

async function translatorFor(language: LanguageCode): Promise<Translate> {
  translator ??= createTranslator()
  return (await translator)(language)
}

/**
 * The columns are deliberately only when, which version, which language, and the answers. The
 * reference, draft id and response id are never read into an export: the reference is what a
 * respondent quotes to get in touch, so a file holding it next to the answers would let anyone
 * with the file put a name to them; the ids are keys that could join the answers to other records.
 */
async function* readTableRows(
  db: Queryable,
  options: ResponsesExport,
  columns: QuestionColumn[],
): AsyncGenerator<string[]> {
  const survey = { organisationId: options.organisationId, surveyId: options.surveyId }
  for await (const response of readResponseRows(db, survey, { filter: options.filter })) {
    const cells = [
      formatSubmittedDay(response.submittedAt),
      String(response.version),
      response.language,
      ...columns.map((column) => column.cellFor(response.version, response.answers[column.questionId])),
    ]
    yield cells.map(toSpreadsheetCell)
  }
}

/**
 * Reads the survey's versions and words before anything is written, so a survey that does not
 * exist (or is another organisation's) fails with NotFoundError while a 404 can still be sent.
 */
export async function openResponsesTable(db: Queryable, options: ResponsesExport): Promise<ResponsesTable> {
  const versions = await findSurveyVersions(db, options)
  if (versions.length === 0) throw new NotFoundError('No such survey to export')
  const columns = buildQuestionColumns(versions, options.language, await translatorFor(options.language))
  return {
    headings: [...fixedHeadings, ...columns.map((column) => column.heading)].map(toSpreadsheetCell),
    rows: readTableRows(db, options, columns),
  }
}
