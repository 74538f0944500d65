import type { Database } from '../../server/db/database'
import { everyQuestionType } from '../fixtures/everyQuestionType'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses } from '../helpers/insertResponses'
import { addOfficer } from '../helpers/officers'

export interface Seeded {
  organisation: string
  everyQuestionType: string
  whatINeed: string
  ehcpExperience: string
  closed: string
  /** An admin per language, so the two tours running side by side each sign in by their own email. */
  admins: Record<'en' | 'ur', string>
}

/** One organisation with both templates, the every-question-type fixture and a closed survey. */
export async function seedSurveys(db: Database): Promise<Seeded> {
  const { id, slug } = await insertOrganisation(db, 'a11y-council')
  const add = async (
    template: Parameters<typeof insertSurvey>[1]['template'],
    slug: string,
    status: 'open' | 'closed' = 'open',
  ) => (await insertSurvey(db, { organisationId: id, template, slug, status })).slug
  const admins = { en: 'admin-en@a11y-council.example', ur: 'admin-ur@a11y-council.example' }
  for (const email of Object.values(admins)) await addOfficer(db, id, 'admin', email)
  const whatINeed = await insertSurvey(db, { organisationId: id, template: 'what-i-need' })
  await insertResponses(
    db,
    { organisationId: id, surveyId: whatINeed.surveyId },
    Array.from({ length: 30 }, (_, index) => ({
      answers: {
        'listened-to': index % 3 === 0 ? 'dont-know' : 'very-important',
        healthiest: index % 2 === 0 ? 'important' : 'very-important',
        'life-better': index < 12 ? `More clubs near home (${index})` : null,
        'age-group': index < 4 ? '8-11' : '12-15',
        helper: 'no',
      },
    })),
  )
  return {
    admins,
    organisation: slug,
    everyQuestionType: await add(everyQuestionType, 'every-question-type'),
    whatINeed: whatINeed.slug,
    ehcpExperience: await add('ehcp-experience', 'ehcp-experience'),
    closed: await add('what-i-need', 'closed-survey', 'closed'),
  }
}
