import type { z } from 'zod'
import type { InformationPage } from './definitionSchema'

interface PagedDefinition {
  questions: { id: string }[]
  informationPages: InformationPage[]
}

/** Page ids share the questions' space (both name steps of the journey); a page sits before a question. */
export function checkInformationPages(definition: PagedDefinition, context: z.RefinementCtx): void {
  const questionIds = new Set(definition.questions.map((question) => question.id))
  const seen = new Set<string>()
  definition.informationPages.forEach((page, index) => {
    if (questionIds.has(page.id) || seen.has(page.id))
      context.addIssue({
        code: 'custom',
        path: ['informationPages', index, 'id'],
        message: `duplicate id ${page.id}`,
      })
    seen.add(page.id)
    if (page.before !== undefined && !questionIds.has(page.before))
      context.addIssue({
        code: 'custom',
        path: ['informationPages', index, 'before'],
        message: `there is no question ${page.before}`,
      })
  })
}
