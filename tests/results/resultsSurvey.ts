import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import type { SurveyTemplate } from '../../server/surveys/templates'
import { everyQuestionType, everyQuestionTypeDefinition } from '../fixtures/everyQuestionType'
import { repeated, type PlannedResponse } from './insertResponses'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { insertResponses } from './insertResponses'

/** The every-question-type survey with its free text optional and its age question about you. */
export const resultsSurvey: SurveyTemplate = {
  definition: surveyDefinitionSchema.parse({
    ...everyQuestionTypeDefinition,
    id: 'results-survey',
    questions: everyQuestionTypeDefinition.questions.map((question) => {
      if (question.id === 'text') return { ...question, optional: true }
      if (question.id === 'age') return { ...question, aboutYou: true }
      return question
    }),
  }),
  words: everyQuestionType.words,
}

/** Six kinds of response, 40 in all; the tests count them by hand from this table. */
export const groups = {
  // 10, English, March.
  a: repeated(10, {
    language: 'en',
    submittedAt: '2025-03-10T10:00:00Z',
    answers: {
      importance: 'very-important',
      agreement: 'agree',
      faces: 'happy',
      'yes-no': 'yes',
      single: 'bus',
      multiple: ['football', 'music'],
      text: 'A quiet room',
      age: '8-11',
    },
  }),
  // 8, English, April. Skipped the optional free text.
  b: repeated(8, {
    language: 'en',
    submittedAt: '2025-04-15T10:00:00+01:00',
    answers: {
      importance: 'important',
      agreement: 'strongly-agree',
      faces: 'okay',
      'yes-no': 'no',
      single: 'train',
      multiple: ['music'],
      text: null,
      age: '12-15',
    },
  }),
  // 7, Welsh, the last millisecond of March in London (BST). Skipped the optional multiple choice.
  c: repeated(7, {
    language: 'cy',
    submittedAt: '2025-03-31T23:59:59.999+01:00',
    answers: {
      importance: 'very-important',
      agreement: 'dont-know',
      faces: 'happy',
      'yes-no': 'not-sure',
      single: 'dont-know',
      multiple: null,
      text: 'Mwy o amser',
      age: '12-15',
    },
  }),
  // 6, Welsh, the first instant of April in London. Free text of only white space.
  d: repeated(6, {
    language: 'cy',
    submittedAt: '2025-04-01T00:00:00+01:00',
    answers: {
      importance: 'dont-know',
      agreement: 'disagree',
      faces: 'sad',
      'yes-no': 'yes',
      single: 'bus',
      multiple: ['prefer-not-to-say'],
      text: ' \n ',
      age: '8-11',
    },
  }),
  // 5, English, April.
  e: repeated(5, {
    language: 'en',
    submittedAt: '2025-04-30T12:00:00+01:00',
    answers: {
      importance: 'not-important',
      agreement: 'neither',
      faces: 'dont-know',
      'yes-no': 'yes',
      single: 'car',
      multiple: ['football', 'music', 'drawing'],
      text: 'Nothing',
      age: '16-plus',
    },
  }),
  // 4, Welsh, the first instant of March in London (GMT). An answer to a question no version has.
  f: repeated(4, {
    language: 'cy',
    submittedAt: '2025-03-01T00:00:00Z',
    answers: {
      importance: 'very-important',
      agreement: 'strongly-disagree',
      faces: 'happy',
      'yes-no': 'no',
      single: 'train',
      multiple: ['drawing'],
      text: null,
      age: 'prefer-not-to-say',
      'removed-question': 'anything',
    },
  }),
} satisfies Record<string, PlannedResponse[]>

export const fortyResponses: PlannedResponse[] = Object.values(groups).flat()

/** Calendar months in London, as an officer picks them: from inclusive, to exclusive. */
export const march = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-04-01T00:00:00+01:00') }
export const april = {
  from: new Date('2025-04-01T00:00:00+01:00'),
  to: new Date('2025-05-01T00:00:00+01:00'),
}

/** A fresh database holding one organisation's results survey with the forty responses above. */
export async function openFortyResponses(): Promise<{
  database: TestDatabase
  survey: { organisationId: string; surveyId: string }
}> {
  const database = await openTestDatabase()
  const organisation = await insertOrganisation(database.db)
  const { surveyId } = await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: resultsSurvey,
  })
  const survey = { organisationId: organisation.id, surveyId }
  await insertResponses(database.db, survey, fortyResponses)
  return { database, survey }
}
