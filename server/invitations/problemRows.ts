import type { Request } from 'express'
import type { ContactProblem } from './contactsCsv'

/** A page lists this many bad rows; the rest are counted. */
export const problemsShown = 500

/** Bad rows for a table, in the officer's words. */
export function problemRows(req: Request, problems: ContactProblem[]) {
  return {
    rows: problems.slice(0, problemsShown).map((problem) => ({
      row: problem.row,
      text: req.t(`invitations.problems.${problem.reason}`),
    })),
    total: problems.length,
    hidden: Math.max(0, problems.length - problemsShown),
  }
}
