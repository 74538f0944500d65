import type { CombinedSurvey } from './combineVersions'

/**
 * Version numbers as people read them: runs joined with a dash, the rest listed in the language's
 * own way ("1–3 and 5", "1–3 a 5"). Each version is a whole number, the same in every language.
 */
export function formatVersionList(versions: readonly number[], language: string): string {
  const sorted = [...new Set(versions)].sort((a, b) => a - b)
  const runs: string[] = []
  let start = sorted[0]
  sorted.forEach((version, index) => {
    const next = sorted[index + 1]
    if (next === version + 1 || start === undefined) return
    runs.push(start === version ? String(version) : `${start}\u2013${version}`)
    start = next
  })
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(runs)
}

/** Which versions asked each question, by question id, as formatVersionList writes them. */
export function versionsAskedIn(survey: CombinedSurvey, language: string): Map<string, string> {
  return new Map(
    [...survey.history].map(([questionId, history]) => [
      questionId,
      formatVersionList(history.versions, language),
    ]),
  )
}
