import type { Translate } from '../i18n/translator'
import type { LanguageCode } from '../i18n/languages'
import { csvByteOrderMark, formatCsvRecord } from './csvFormat'
import { toSpreadsheetCell } from './spreadsheetCell'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import { optionLabeller } from '../surveys/labels'
import type { SurveyWords } from '../surveys/words'
import type { SurveyResults } from '../results/types'
import type { Figure } from '../statistics/types'
import { holdReasons } from '../responseLimits/model/holdRules'
import type { HeldCounts } from '../responseLimits/store/heldQueries'

const figureCell = (value: Figure): string => (value.value === null ? '' : String(value.value))
const percentCell = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : value.toFixed(1)
const flag = (suppressed: boolean): string => (suppressed ? 'yes' : 'no')

// Why a response was held, in the file's own words (its headings are English too).
const heldWords: Record<(typeof holdReasons)[number], string> = {
  'too-fast': 'Held for review: sent faster than anyone could read the questions',
  burst: 'Held for review: one of many sent from one address within a short time',
  'repeated-answers': 'Held for review: the same answers sent again and again from one address',
}

/** Responses held for review in the selection, not in any figure above: in all, then per reason. */
function heldRows(held: HeldCounts | undefined): string[][] {
  if (!held) return []
  const row = (id: string, label: string, count: number) => [
    id,
    label,
    '',
    '',
    String(count),
    'no',
    ...Array<string>(8).fill(''),
  ]
  return [
    row('held', 'Held for review, not counted in this file', held.total),
    ...holdReasons.map((reason) => row(`held:${reason}`, heldWords[reason], held[reason])),
  ]
}

/**
 * The results table as CSV: one row per answer of each question, with the question's n and
 * denominator, each percentage and the headline's 95% interval. A withheld figure is an empty cell
 * with "yes" in its suppressed column, never the number. Responses held for review are counted in
 * rows of their own (they describe no answers, so they are never suppressed).
 *
 * Each question's rows also say how many were not asked it and how many left it blank (neither is
 * in any percentage), which versions asked it, and what changed between versions, in the file's
 * language (server/surveyVersions/versionNotes.ts).
 */
export function summaryCsv(input: {
  results: SurveyResults
  definition: SurveyDefinition
  words: SurveyWords
  t: Translate
  language: LanguageCode
  held?: HeldCounts
  notes?: ReadonlyMap<string, string[]>
  askedIn?: ReadonlyMap<string, string>
}): string {
  const { results, definition, words, t } = input
  const headings = [
    'Question id',
    'Question',
    'Answer id',
    'Answer',
    'Count',
    'Count suppressed',
    'Percentage',
    'In percentages',
    'Answered',
    'Denominator',
    'Denominator suppressed',
    'Headline percentage',
    'Headline lower 95%',
    'Headline upper 95%',
    'Not asked',
    'No answer',
    'Not asked and no answer suppressed',
    'Asked in versions',
    'Version notes',
  ]
  const rows = results.questions.flatMap((result) => {
    const question = definition.questions.find(({ id }) => id === result.questionId)
    const questionWords = words.questions[result.questionId]
    const label = question ? optionLabeller(question, questionWords, t) : (value: string) => value
    const shared = [
      figureCell(result.answered),
      figureCell(result.denominator),
      flag(result.denominator.suppressed),
    ]
    const headline = result.headline
    const headlineCells = [
      percentCell(headline?.percentage),
      percentCell(headline?.interval?.lower),
      percentCell(headline?.interval?.upper),
    ]
    const title = questionWords?.title ?? result.questionId
    const versionCells = [
      figureCell(result.notAsked),
      figureCell(result.noAnswer),
      flag(result.notAsked.suppressed),
      input.askedIn?.get(result.questionId) ?? '',
      (input.notes?.get(result.questionId) ?? []).join('; '),
    ]
    if (result.textAnswers)
      return [
        [
          result.questionId,
          title,
          '',
          '',
          figureCell(result.textAnswers),
          flag(result.textAnswers.suppressed),
          '',
          'no',
          ...shared,
          '',
          '',
          '',
          ...versionCells,
        ],
      ]
    return result.options.map((option) => [
      result.questionId,
      title,
      option.value,
      label(option.value),
      figureCell(option.count),
      flag(option.count.suppressed),
      percentCell(option.percentage),
      option.notCounted ? 'no' : 'yes',
      ...shared,
      ...headlineCells,
      ...versionCells,
    ])
  })
  const total = [
    [
      'responses',
      'Responses in this selection',
      '',
      '',
      figureCell(results.responses),
      flag(results.responses.suppressed),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
  ]
  return (
    csvByteOrderMark +
    [headings, ...total, ...heldRows(input.held), ...rows]
      .map((row) => [...row, ...Array<string>(headings.length - row.length).fill('')])
      .map((row) => formatCsvRecord(row.map(toSpreadsheetCell)))
      .join('')
  )
}
