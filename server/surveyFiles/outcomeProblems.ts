import { pathText, type FileProblem } from './fileProblem'

/**
 * A question's `outcome` names one of the importing organisation's outcome statements by its slug
 * (the outcomes table of server/scorecards): that is how a question's indicator links itself to an
 * outcome. A slug the organisation does not have would leave the question evidencing nothing, so
 * the file is refused until the outcome is added to the framework or taken off the question.
 * Read from the raw file, so a definition with other problems is still checked.
 */
export function outcomeProblems(file: unknown, outcomeSlugs: ReadonlySet<string>): FileProblem[] {
  const definition = (file as { definition?: { questions?: unknown } } | null)?.definition
  const questions = Array.isArray(definition?.questions) ? (definition.questions as unknown[]) : []
  return questions.flatMap((question, index) => {
    const outcome = (question as { outcome?: unknown } | null)?.outcome
    if (typeof outcome !== 'string' || outcomeSlugs.has(outcome)) return []
    return [
      {
        path: pathText(['definition', 'questions', index, 'outcome']),
        key: 'unknownOutcome',
        values: { outcome },
      },
    ]
  })
}
