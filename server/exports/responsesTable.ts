import type { Queryable } from '../db/database'
import type { LanguageCode } from '../i18n/languages'
import { createTranslator, type Translate } from '../i18n/translator'
import type { ResultsFilter } from '../results/types'
import { loadCombinedSurvey } from '../surveyVersions/loadCombinedSurvey'
import { versionsAskedIn } from '../surveyVersions/versionList'
import { versionNotes } from '../surveyVersions/versionNotes'
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
  /**
   * A second table for a workbook: every question's id, newest words, the versions that asked it
   * and what changed between them, one note a line. Cells already safe, like the rest.
   */
  notesSheet: { name: string; headings: string[]; rows: string[][] }
}

// The locale files have no words for these yet, and the parity test refuses keys they lack; until
// they do, these headings are English in every language (the collection
// method's values are its stable codes: online, group-session, face-to-face, phone, paper).
const fixedHeadings = ['Submitted', 'Survey version', 'Language', 'Collection method']

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
      response.collectionMethod,
      ...columns.map((column) => column.cellFor(response.version, response.answers[column.questionId])),
    ]
    yield cells.map(toSpreadsheetCell)
  }
}

/**
 * Reads the survey's versions and words before anything is written, so a survey that does not
 * exist (or is another organisation's) fails with NotFoundError while a 404 can still be sent.
 * A question's heading carries its version notes (words changed, only in some versions), so a
 * CSV, which has no second sheet, says so too.
 */
export async function openResponsesTable(db: Queryable, options: ResponsesExport): Promise<ResponsesTable> {
  const survey = await loadCombinedSurvey(db, options)
  const t = await translatorFor(options.language)
  const columns = buildQuestionColumns(survey, options.language, t)
  const notes = versionNotes(survey, { t, language: options.language })
  const askedIn = versionsAskedIn(survey, options.language)
  const heading = (column: QuestionColumn) => {
    const own = notes.get(column.questionId) ?? []
    return own.length === 0
      ? column.title
      : t('versions.exports.headingWithNotes', { heading: column.title, notes: own.join('; ') })
  }
  return {
    headings: [...fixedHeadings, ...columns.map(heading)].map(toSpreadsheetCell),
    rows: readTableRows(db, options, columns),
    notesSheet: {
      name: t('versions.exports.notesSheet'),
      headings: [
        t('versions.exports.questionId'),
        t('versions.exports.question'),
        t('versions.exports.askedIn'),
        t('versions.exports.notes'),
      ].map(toSpreadsheetCell),
      rows: columns.map((column) =>
        [
          column.questionId,
          column.title,
          askedIn.get(column.questionId) ?? '',
          (notes.get(column.questionId) ?? []).join('\n'),
        ].map(toSpreadsheetCell),
      ),
    },
  }
}
