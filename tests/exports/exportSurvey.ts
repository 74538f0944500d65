import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/db/database'
import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import type { StoredAnswer } from '../../server/surveys/questionTypes/contract'
import type { SurveyTemplate } from '../../server/surveys/templates'
import type { SurveyWords } from '../../server/surveys/words'
import { insertOrganisation, insertSurvey, publishVersion } from '../helpers/factories'
import {
  everyQuestionType,
  everyQuestionTypeAnswers,
  everyQuestionTypeDefinition,
} from '../fixtures/everyQuestionType'

type Answers = Record<string, StoredAnswer>

const questionsOf = everyQuestionTypeDefinition.questions

/**
 * Version 2 of the every-question-type survey: free text moved first, the faces question dropped,
 * a new "club" question added, and new words for the importance question.
 */
function secondVersion(): SurveyTemplate {
  const withClub = (words: SurveyWords | undefined, club: NonNullable<SurveyWords['questions'][string]>) => {
    if (!words) throw new Error('The fixture has no words for a language')
    return { ...words, questions: { ...words.questions, club } }
  }
  const english = withClub(everyQuestionType.words.en, {
    title: 'Which club do you go to?',
    options: { chess: 'Chess', drama: 'Drama' },
  })
  const newEnglish = {
    ...english,
    questions: { ...english.questions, importance: { title: 'Being listened to matters to me.' } },
  }
  return {
    definition: surveyDefinitionSchema.parse({
      ...everyQuestionTypeDefinition,
      questions: [
        ...questionsOf.filter((question) => question.id === 'text'),
        ...questionsOf.filter((question) => question.id !== 'text' && question.id !== 'faces'),
        { id: 'club', type: 'single-choice', options: ['chess', 'drama'] },
      ],
    }),
    words: {
      en: newEnglish,
      cy: withClub(everyQuestionType.words.cy, {
        title: "I ba glwb wyt ti'n mynd?",
        options: { chess: 'Gwyddbwyll', drama: 'Drama' },
      }),
      ur: withClub(everyQuestionType.words.ur, {
        title: 'آپ کس کلب میں جاتے ہیں؟',
        options: { chess: 'شطرنج', drama: 'ڈرامہ' },
      }),
    },
  }
}

interface PlannedResponse {
  version: number
  language: string
  submittedAt: string
  answers: Answers
}

const base = everyQuestionTypeAnswers
const secondBase: Answers = {
  ...Object.fromEntries(Object.entries(base).filter(([questionId]) => questionId !== 'faces')),
  club: 'chess',
}

export const injectionAttempts = ['=HYPERLINK("http://x","click")', '@SUM(A1)', `+cmd|' /C calc'!A0`]
/** A formula behind a control character, stored before free text was cleaned of them. */
export const hiddenFormula = '\u0007=1+1'
export const urduText = 'اسکول میں ایک پرسکون کمرہ'
export const awkwardText = 'Less noise, more "breaks"\r\nand a garden'

/** 25 responses: two versions, three languages, formulas, a blank answer, and several sent on one day. */
export const plannedResponses: PlannedResponse[] = [
  { version: 1, language: 'en', submittedAt: '2025-01-10T09:00:00Z', answers: base },
  ...injectionAttempts.map((text, index) => ({
    version: 1,
    language: 'en',
    submittedAt: `2025-01-11T09:0${index}:00Z`,
    answers: { ...base, text },
  })),
  {
    version: 1,
    language: 'en',
    submittedAt: '2025-01-12T09:00:00Z',
    answers: { ...base, multiple: null, text: hiddenFormula },
  },
  {
    version: 1,
    language: 'en',
    submittedAt: '2025-01-12T10:00:00Z',
    answers: { ...base, multiple: ['prefer-not-to-say'], text: awkwardText },
  },
  { version: 1, language: 'en', submittedAt: '2025-01-12T11:00:00Z', answers: { ...base, text: '-5' } },
  // Three on one day (responses keep only the day): a page may end between them and must not read
  // any of them twice.
  ...['100', '200', '200'].map((micro) => ({
    version: 1,
    language: 'en',
    submittedAt: `2025-02-01T10:00:00.000${micro}Z`,
    answers: { ...base, single: 'bus' },
  })),
  ...Array.from({ length: 5 }, (_, index) => ({
    version: 1,
    language: 'ur',
    submittedAt: `2025-03-0${index + 1}T12:00:00Z`,
    answers: { ...base, text: urduText, age: 'under-8', single: 'car' },
  })),
  ...Array.from({ length: 5 }, (_, index) => ({
    version: 2,
    language: 'cy',
    submittedAt: `2025-04-0${index + 1}T12:00:00Z`,
    answers: { ...secondBase, text: 'Ystafell dawel', club: 'drama', age: '12-15' },
  })),
  ...Array.from({ length: 4 }, (_, index) => ({
    version: 2,
    language: 'en',
    submittedAt: `2025-05-0${index + 1}T12:00:00Z`,
    answers: { ...secondBase, importance: 'dont-know' },
  })),
  { version: 2, language: 'en', submittedAt: '2025-07-01T23:30:00Z', answers: secondBase },
]

export interface ExportSurvey {
  organisationId: string
  surveyId: string
  /** The references and draft ids stored with the responses: none may appear in an export. */
  secrets: string[]
}

async function insertResponse(
  db: Queryable,
  survey: { organisationId: string; surveyId: string },
  response: PlannedResponse,
): Promise<string[]> {
  const reference = `REF${randomUUID().slice(0, 8).toUpperCase()}`
  const draftId = randomUUID()
  const id = randomUUID()
  await db.query(
    `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::timestamptz AT TIME ZONE 'Europe/London')::date)`,
    [
      survey.organisationId,
      id,
      survey.surveyId,
      response.version,
      response.language,
      reference,
      draftId,
      JSON.stringify(response.answers),
      response.submittedAt,
    ],
  )
  return [reference, draftId, id]
}

/** The two-version survey with its 25 responses, and two other surveys whose responses must stay out. */
export async function insertExportSurvey(db: Queryable): Promise<ExportSurvey> {
  const organisation = await insertOrganisation(db)
  const { surveyId } = await insertSurvey(db, {
    organisationId: organisation.id,
    template: everyQuestionType,
  })
  await publishVersion(db, {
    organisationId: organisation.id,
    surveyId,
    version: 2,
    template: secondVersion(),
  })
  const survey = { organisationId: organisation.id, surveyId }
  const secrets: string[] = []
  for (const response of plannedResponses) secrets.push(...(await insertResponse(db, survey, response)))

  const sameOrganisation = await insertSurvey(db, {
    organisationId: organisation.id,
    template: everyQuestionType,
    slug: 'another-survey',
  })
  await insertResponse(
    db,
    { organisationId: organisation.id, surveyId: sameOrganisation.surveyId },
    { version: 1, language: 'en', submittedAt: '2025-01-10T09:00:00Z', answers: { ...base, text: 'Other' } },
  )
  const other = await insertOrganisation(db)
  const otherSurvey = await insertSurvey(db, { organisationId: other.id, template: everyQuestionType })
  await insertResponse(
    db,
    { organisationId: other.id, surveyId: otherSurvey.surveyId },
    { version: 1, language: 'en', submittedAt: '2025-01-10T09:00:00Z', answers: { ...base, text: 'Other' } },
  )
  return { ...survey, secrets }
}
