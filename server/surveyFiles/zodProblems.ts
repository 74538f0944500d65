import type { z } from 'zod'
import { stableId, ageBand } from '../surveys/definitionSchema'
import { pathText, type FileProblem } from './fileProblem'

/** The pattern a schema's own format issue names, learnt from a value it refuses. */
function patternOf(schema: z.ZodString, refused: string): string | undefined {
  const issue = schema.safeParse(refused).error?.issues[0]
  return issue?.code === 'invalid_format' ? issue.pattern : undefined
}

// The ids and age bands of the definition schema, so their problems can say what to write instead.
const stableIdPattern = patternOf(stableId, 'Not An Id')
const ageBandPattern = patternOf(ageBand, 'not a band')

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[part]
  }
  return value
}

const listed = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(', ')

function sizeProblem(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, bound: 'min' | 'max') {
  const limit = Number(
    bound === 'min' ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum,
  )
  const kind = issue.origin === 'string' ? 'Length' : issue.origin === 'array' ? 'Items' : 'Number'
  return { key: `${bound}${kind}`, values: { limit } }
}

const aboutOneValue = new Set(['invalid_type', 'invalid_value', 'invalid_union'])

function describe(issue: z.core.$ZodIssue, input: unknown): Omit<FileProblem, 'path'> {
  // A field that is not there is "missing", whatever type or value it should have had.
  if (aboutOneValue.has(issue.code) && valueAt(input, issue.path) === undefined) return { key: 'missing' }
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'wrongType', values: { expected: issue.expected } }
    case 'invalid_value':
      return { key: 'notOneOf', values: { allowed: listed(issue.values) } }
    case 'invalid_union': {
      // A question whose type is not one of the registry's says which types there are.
      const options = (issue as { options?: unknown }).options
      return Array.isArray(options)
        ? { key: 'notOneOf', values: { allowed: listed(options) } }
        : { key: 'invalid' }
    }
    case 'invalid_format':
      if (issue.pattern !== undefined && issue.pattern === stableIdPattern) return { key: 'notStableId' }
      if (issue.pattern !== undefined && issue.pattern === ageBandPattern) return { key: 'notAgeBand' }
      return { key: 'invalid' }
    case 'too_small':
      return sizeProblem(issue, 'min')
    case 'too_big':
      return sizeProblem(issue, 'max')
    case 'unrecognized_keys':
      return { key: 'unknownKeys', values: { keys: listed(issue.keys) } }
    case 'custom':
      // The definition schema's own rules (conditions, duplicates, languages) say what is wrong in English.
      return { key: 'rule', values: { rule: issue.message } }
    default:
      return { key: 'invalid' }
  }
}

/** Every zod issue as a file problem, with the input it was about so a missing key says "missing". */
export function zodProblems(error: z.ZodError, input: unknown): FileProblem[] {
  return error.issues.map((issue) => ({ path: pathText(issue.path), ...describe(issue, input) }))
}
