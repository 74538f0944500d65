import type { Database } from '../../server/db/database'
import { everyQuestionType } from '../fixtures/everyQuestionType'
import { insertOrganisation, insertSurvey } from '../helpers/factories'

export interface Seeded {
  organisation: string
  everyQuestionType: string
  whatINeed: string
  ehcpExperience: string
  closed: string
}

/** One organisation with both templates, the every-question-type fixture and a closed survey. */
export async function seedSurveys(db: Database): Promise<Seeded> {
  const { id, slug } = await insertOrganisation(db, 'a11y-council')
  const add = async (
    template: Parameters<typeof insertSurvey>[1]['template'],
    slug: string,
    status: 'open' | 'closed' = 'open',
  ) => (await insertSurvey(db, { organisationId: id, template, slug, status })).slug
  return {
    organisation: slug,
    everyQuestionType: await add(everyQuestionType, 'every-question-type'),
    whatINeed: await add('what-i-need', 'what-i-need'),
    ehcpExperience: await add('ehcp-experience', 'ehcp-experience'),
    closed: await add('what-i-need', 'closed-survey', 'closed'),
  }
}
