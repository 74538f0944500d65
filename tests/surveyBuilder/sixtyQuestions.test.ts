import { paths } from '../../server/paths'
import type { QuestionDefinition } from '../../server/surveys/definitionSchema'
import type { SurveyWordsByLanguage } from '../../server/surveys/words'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

let database: TestDatabase
let testApp: TestApp
let analyst: Agent

/** A 60-question survey in three languages, each question with a hint and, for lists, five answers. */
function sixtyQuestions() {
  const questions: QuestionDefinition[] = Array.from({ length: 60 }, (_, index) =>
    index % 2 === 0
      ? { id: `q${index + 1}`, type: 'agreement', optional: false, aboutYou: false }
      : {
          id: `q${index + 1}`,
          type: 'single-choice',
          optional: true,
          aboutYou: false,
          options: ['a', 'b', 'c', 'd', 'e'],
          dontKnow: true,
          preferNotToSay: false,
          ...(index > 2 ? { askIf: { question: 'q2', answers: ['a'] } } : {}),
        },
  )
  const wordsIn = (language: string) => ({
    title: `Sixty questions (${language})`,
    start: { purpose: ['Why we ask.'], answers: ['What happens.'] },
    questions: Object.fromEntries(
      questions.map((question) => [
        question.id,
        {
          title: `Question ${question.id} in ${language}`,
          hint: 'A hint',
          ...(question.type === 'single-choice'
            ? { options: Object.fromEntries(question.options.map((option) => [option, `Answer ${option}`])) }
            : {}),
        },
      ]),
    ),
  })
  const words: SurveyWordsByLanguage = { en: wordsIn('en'), cy: wordsIn('cy'), ur: wordsIn('ur') }
  return {
    definition: {
      id: 'sixty',
      audience: 'parent-carer' as const,
      easyRead: false,
      estimatedMinutes: 20,
      questions,
      informationPages: [{ id: 'halfway', before: 'q30' }],
    },
    words,
  }
}

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  const organisation = await insertOrganisation(database.db)
  const template = sixtyQuestions()
  for (const words of Object.values(template.words))
    words.pages = { halfway: { title: 'Halfway', body: ['Nearly there.'] } }
  await insertSurvey(database.db, {
    organisationId: organisation.id,
    template,
    slug: 'sixty',
    status: 'open',
  })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
})
afterAll(() => database.drop())

describe('the builder page of a 60-question survey', () => {
  // Its speed is measured by npm run bench:invitations (tests/bench/builderAndImport.ts), not asserted here.
  it('renders every question with its actions in one page', async () => {
    const page = await analyst.get(paths.manage.builder.home('sixty'))
    expect(page.status).toBe(200)
    expect(page.text.match(/class="heard-builder-question"/g)).toHaveLength(60)
    expect(page.text).toContain('Question q60 in en')
  })
})
