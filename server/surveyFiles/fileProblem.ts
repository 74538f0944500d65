/**
 * One thing wrong with a survey file: where (a path such as definition.questions[3].type, empty for
 * the whole file), and what, as a locale key under surveyFiles.problems with its values, so the web
 * page says it in the officer's language and the command line in English.
 */
export interface FileProblem {
  path: string
  key: string
  values?: Record<string, string | number>
}

/** definition.questions[3].type from ['definition', 'questions', 3, 'type']. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`
      const name = String(part)
      // Keys that are not plain words (a language or question id always is) are quoted.
      const plain = /^[A-Za-z0-9_$-]+$/.test(name) ? name : JSON.stringify(name)
      return index === 0 ? plain : `.${plain}`
    })
    .join('')
}

/** One problem per path and kind: two checks finding the same thing say it once. */
export function distinctProblems(problems: FileProblem[]): FileProblem[] {
  const seen = new Set<string>()
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.path, problem.key, problem.values])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
