import { readInterfaceWords } from '../i18n/translator'
import { distinctProblems, type FileProblem } from './fileProblem'
import { firstSyntaxError } from './jsonSyntax'
import { surveyFileSchema, type SurveyFile } from './surveyFileSchema'
import { wordsProblems } from './wordsProblems'
import { zodProblems } from './zodProblems'

export type ReadFile =
  { ok: true; file: SurveyFile; raw: unknown } | { ok: false; problems: FileProblem[]; raw: unknown }

let sharedAnswers: ReadonlySet<string> | undefined

/** Option values every survey has words for already (yes, no, I don't know ...), from the English interface words. */
function sharedAnswerValues(): ReadonlySet<string> {
  if (!sharedAnswers) {
    const answers = readInterfaceWords('en').answers
    sharedAnswers = new Set(
      Object.entries(answers ?? {})
        .filter(([, words]) => typeof words === 'string')
        .map(([value]) => value),
    )
  }
  return sharedAnswers
}

/** The bytes as text: UTF-8 only, with a byte-order mark allowed and dropped. */
function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return undefined
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: FileProblem } {
  if (text.trim() === '') return { ok: false, problem: { path: '', key: 'empty' } }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    const at = firstSyntaxError(text) ?? { line: 1, column: 1 }
    return { ok: false, problem: { path: '', key: 'syntax', values: { ...at } } }
  }
}

/**
 * Reads a survey file and finds everything wrong with it that the file alone can show: JSON syntax
 * (where it first breaks, as nothing after that can be read), then every problem with its shape
 * and rules, then every word it is missing. Problems of the organisation importing it (its
 * outcomes) are found by importSurveyFile.
 */
export function readSurveyFile(bytes: Uint8Array): ReadFile {
  const text = decode(bytes)
  if (text === undefined) return { ok: false, problems: [{ path: '', key: 'notUtf8' }], raw: undefined }
  const json = parseJson(text)
  if (!json.ok) return { ok: false, problems: [json.problem], raw: undefined }
  const parsed = surveyFileSchema.safeParse(json.value)
  const problems = distinctProblems([
    ...(parsed.success ? [] : zodProblems(parsed.error, json.value)),
    ...wordsProblems(json.value, sharedAnswerValues()),
  ])
  if (parsed.success && problems.length === 0) return { ok: true, file: parsed.data, raw: json.value }
  return { ok: false, problems, raw: json.value }
}
