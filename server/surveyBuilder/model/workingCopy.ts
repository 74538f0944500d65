import { languages, type LanguageCode } from '../../i18n/languages'
import { surveyDefinitionSchema, type SurveyDefinition } from '../../surveys/definitionSchema'
import { surveyWordsSchema, type SurveyWordsByLanguage } from '../../surveys/words'

/**
 * What the builder edits: a survey definition and its words, the same pair as a template in surveys/
 * with its locales, and as a published version. There is no other model.
 */
export interface WorkingCopy {
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
}

/** A problem the survey schemas found, with its path from the pair's root ('definition' or 'words'). */
export interface CopyIssue {
  path: (string | number)[]
  message: string
}

export type CheckedCopy = { ok: true; copy: WorkingCopy } | { ok: false; issues: CopyIssue[] }

/** Runs a candidate pair through the survey schemas: the one check every builder save passes. */
export function checkWorkingCopy(candidate: { definition: unknown; words: unknown }): CheckedCopy {
  const issues: CopyIssue[] = []
  const definition = surveyDefinitionSchema.safeParse(candidate.definition)
  if (!definition.success)
    for (const issue of definition.error.issues)
      issues.push({ path: ['definition', ...issue.path.map(pathPart)], message: issue.message })
  const words: SurveyWordsByLanguage = {}
  const byLanguage = (candidate.words ?? {}) as Record<string, unknown>
  if (byLanguage.en === undefined)
    issues.push({ path: ['words', 'en'], message: 'English words are missing' })
  for (const [language, value] of Object.entries(byLanguage)) {
    const parsed = surveyWordsSchema.safeParse(value)
    if (parsed.success) words[language] = parsed.data
    else
      for (const issue of parsed.error.issues)
        issues.push({ path: ['words', language, ...issue.path.map(pathPart)], message: issue.message })
  }
  if (!definition.success || issues.length > 0) return { ok: false, issues }
  return { ok: true, copy: { definition: definition.data, words } }
}

const pathPart = (part: PropertyKey): string | number => (typeof part === 'number' ? part : String(part))

/** The languages respondents are offered: the survey's own list, or every language it has words in. */
export function offeredLanguages(copy: WorkingCopy): LanguageCode[] {
  const offered: readonly string[] = copy.definition.languages ?? Object.keys(copy.words)
  return languages.map(({ code }) => code).filter((code) => offered.includes(code))
}

/** A deep copy to change without touching the one it came from. */
export const cloneCopy = (copy: WorkingCopy): WorkingCopy => structuredClone(copy)
