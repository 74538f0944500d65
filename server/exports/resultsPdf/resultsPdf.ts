import type { Writable } from 'node:stream'
import { formatDate } from '../../i18n/formatDate'
import { directionOf, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { resultsPageModel } from '../../results/resultsPage'
import type { ResultsFilter, SurveyResults } from '../../results/types'
import type { SurveyDefinition } from '../../surveys/definitionSchema'
import type { SurveyWords } from '../../surveys/words'
import { Canvas } from '../../pdf/canvas'
import { writeTaggedPdf } from '../../pdf/writeTaggedPdf'
import { Flow } from '../../pdf/flow'
import { numberPages } from '../../pdf/pageNumbers'
import { questionPieces } from './questionBlock'
import { describeSelection } from './selection'
import { unbreakable } from '../../pdf/textLayout'
import { titlePagePieces } from './titlePage'

export interface ResultsPdfInput {
  results: SurveyResults
  definition: SurveyDefinition
  words: SurveyWords
  t: Translate
  language: LanguageCode
  organisationName: string
  filter: ResultsFilter
  /** What each question's versions changed, by question id (server/surveyVersions/versionNotes.ts). */
  notes?: ReadonlyMap<string, string[]>
}

// A4 with 2 cm margins; the bottom one is a little deeper to hold the page number.
const margins = { top: 57, bottom: 64, left: 57, right: 57 }

function writeReport(doc: PDFKit.PDFDocument, input: ResultsPdfInput, title: string, now: Date): void {
  const { results, definition, words, t, language, organisationName, filter, notes } = input
  const direction = directionOf(language)
  const canvas = new Canvas(doc, direction)
  const root = doc.struct('Document')
  doc.addStructure(root)
  const model = resultsPageModel({ results, definition, words, t, language, rtl: direction === 'rtl', notes })
  const flow = new Flow(doc)
  const titlePage = titlePagePieces(
    canvas,
    root,
    {
      title,
      organisationName,
      selection: describeSelection({ filter, definition, words, t, language }),
      produced: t('pdf.produced', { date: unbreakable(formatDate(now, language)) }),
      responses: t('pages.results.responses', { number: model.responses }),
      notes: [
        t('pages.results.denominatorNote'),
        t('pages.results.suppressionNote', { count: model.threshold }),
        t('versions.results.notAskedNote'),
      ],
    },
    t,
  )
  flow.placeBlock(titlePage)
  flow.newPage()
  for (const question of model.questions) {
    const section = doc.struct('Sect')
    root.add(section)
    flow.placeBlock(questionPieces(canvas, section, { question, threshold: model.threshold, t }), {
      gapAfter: 22,
      onStart: () => doc.outline.addItem(question.title),
    })
  }
  numberPages(canvas, t)
}

/**
 * The results report as a PDF, streamed to `output`: a title page saying which responses it covers,
 * then each question as the results page shows it. It holds only the aggregates in `results`, with
 * small numbers already withheld, and never anyone's own words. Tagged, titled and in the reader's
 * language, with bookmarks per question, for screen readers; Welsh and Urdu letters come from an
 * embedded font, and Urdu is laid out right to left (see pdf/bidi.ts).
 */
export async function writeResultsPdf(input: ResultsPdfInput, output: Writable): Promise<void> {
  const title = input.t('pages.results.title', { survey: input.words.title })
  const options = { title, author: input.organisationName, language: input.language, margins }
  await writeTaggedPdf(options, output, (doc, now) => {
    writeReport(doc, input, title, now)
  })
}
