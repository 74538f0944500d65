import fs from 'node:fs'
import { createTranslator, type Translate } from '../../server/i18n/translator'
import { fromRoot } from '../../server/projectRoot'
import type { FileProblem } from '../../server/surveyFiles/fileProblem'
import { problemLine } from '../../server/surveyFiles/problemText'
import { readSurveyFile } from '../../server/surveyFiles/readSurveyFile'
import { surveyFileDocument } from '../../server/surveyFiles/surveyFileDocument'
import { surveyFileJsonSchema } from '../../server/surveyFiles/surveyFileJsonSchema'
import { loadTemplate, listTemplateIds } from '../../server/surveys/templates'
import { manyQuestionSurvey } from './sixtyQuestionSurvey'
import { everyKindOfProblem, fileWithEveryKindOfProblem } from './surveyFileFixtures'

let t: Translate
beforeAll(async () => {
  t = (await createTranslator())('en')
})

const problemsOf = (text: string | Uint8Array): FileProblem[] => {
  const read = readSurveyFile(typeof text === 'string' ? Buffer.from(text, 'utf8') : text)
  return read.ok ? [] : read.problems
}
const linesOf = (text: string | Uint8Array) => problemsOf(text).map((problem) => problemLine(problem, t))

describe('reading a survey file', () => {
  it('accepts every template and a 60-question survey in three languages as Heard writes them', () => {
    for (const id of [...listTemplateIds()]) {
      const read = readSurveyFile(
        Buffer.from(surveyFileDocument(loadTemplate(id), 'https://x.example/s.json')),
      )
      expect(read.ok ? 'ok' : read.problems).toBe('ok')
    }
    const sixty = readSurveyFile(
      Buffer.from(surveyFileDocument(manyQuestionSurvey(), 'https://x.example/s.json')),
    )
    expect(sixty.ok).toBe(true)
  })

  it('lists every problem of the shape and the words, each with its path', () => {
    const lines = linesOf(JSON.stringify(fileWithEveryKindOfProblem(), null, 2))
    // The outcome is the organisation's to judge, so reading the file alone does not report it.
    for (const expected of everyKindOfProblem.filter((line) => !line.includes('outcome')))
      expect(lines.some((line) => line.startsWith(expected))).toBe(true)
    expect(lines).toHaveLength(everyKindOfProblem.length - 1)
  })

  it("reports the definition's own rules once every question has a valid shape", () => {
    const file = JSON.parse(surveyFileDocument(loadTemplate('what-i-need'), 'x')) as {
      definition: { questions: Record<string, unknown>[] }
    }
    const [first] = file.definition.questions
    if (!first) throw new Error('No first question')
    first.askIf = { question: 'helper', answers: ['no'] }
    expect(linesOf(JSON.stringify(file))).toEqual([
      'definition.questions[0].askIf.question: This breaks a rule of survey definitions: question helper comes later; a condition must point back',
    ])
  })

  it('says where JSON syntax first goes wrong, by line and column', () => {
    expect(linesOf('{\n  "format": "heard-survey",\n  "formatVersion": 1,,\n}')).toEqual([
      '(file): The file is not valid JSON: it goes wrong at line 3, column 22',
    ])
    expect(linesOf('{"format": tru}')).toEqual([
      '(file): The file is not valid JSON: it goes wrong at line 1, column 15',
    ])
    expect(linesOf('{"format": "heard-survey"')).toEqual([
      '(file): The file is not valid JSON: it goes wrong at line 1, column 26',
    ])
    expect(linesOf('{"title": "two\nlines"}')).toEqual([
      '(file): The file is not valid JSON: it goes wrong at line 1, column 15',
    ])
    expect(linesOf('{} {}')).toEqual([
      '(file): The file is not valid JSON: it goes wrong at line 1, column 4',
    ])
  })

  it('refuses an empty file, bytes that are not UTF-8 and JSON that is not a survey file', () => {
    expect(linesOf('  \n')).toEqual(['(file): The file is empty'])
    expect(linesOf(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual(['(file): The file is not text in UTF-8'])
    expect(linesOf('[1, 2]')).toEqual(['(file): This must be a JSON object'])
    expect(linesOf('{}')).toEqual([
      'format: This is missing',
      'formatVersion: This is missing',
      'definition: This is missing',
      'words: This is missing',
    ])
  })

  it('accepts a file that starts with a byte-order mark, as some editors save them', () => {
    const text = surveyFileDocument(loadTemplate('what-i-need'), 'x')
    expect(readSurveyFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).ok).toBe(true)
  })
})

describe('surveys/survey-file.schema.json', () => {
  it('is the JSON Schema of the zod schema of survey files (run npm run schema:survey after a change)', () => {
    const written = fs.readFileSync(fromRoot('surveys', 'survey-file.schema.json'), 'utf8')
    expect(written).toBe(surveyFileJsonSchema())
    const schema = JSON.parse(written) as { properties: Record<string, unknown>; required: string[] }
    expect(Object.keys(schema.properties)).toEqual([
      '$schema',
      'format',
      'formatVersion',
      'definition',
      'words',
    ])
    expect(schema.required).toEqual(['format', 'formatVersion', 'definition', 'words'])
  })
})
