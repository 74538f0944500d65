import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import type { SurveyTemplate } from '../../server/surveys/templates'
import type { SurveyWords } from '../../server/surveys/words'
import { insertOrganisation, insertSurvey, publishVersion } from '../helpers/factories'
import { insertResponses, type PlannedResponse } from '../helpers/insertResponses'

/*
 * A survey edited after it had responses. Version 2:
 * - rewords "listened" (its English title);
 * - drops "home";
 * - adds "club";
 * - drops the answer "car" from "transport", adds "train", and rewords "walk" ("Walk" to "On foot").
 * "helped-how" is asked only when "helped" is yes (in both versions); "comments" is optional.
 */
const firstDefinition = surveyDefinitionSchema.parse({
  id: 'versioned',
  audience: 'parent-carer',
  easyRead: false,
  estimatedMinutes: 3,
  questions: [
    { id: 'listened', type: 'agreement' },
    { id: 'transport', type: 'single-choice', options: ['bus', 'car', 'walk'] },
    { id: 'home', type: 'faces' },
    { id: 'helped', type: 'yes-no-not-sure' },
    {
      id: 'helped-how',
      type: 'single-choice',
      options: ['more-time', 'someone-to-talk'],
      askIf: { question: 'helped', answers: ['yes'] },
    },
    { id: 'comments', type: 'free-text', optional: true },
  ],
})

const secondDefinition = surveyDefinitionSchema.parse({
  ...firstDefinition,
  questions: [
    firstDefinition.questions[0],
    { id: 'club', type: 'yes-no-not-sure' },
    { id: 'transport', type: 'single-choice', options: ['bus', 'walk', 'train'] },
    ...firstDefinition.questions.slice(3),
  ],
})

type Questions = SurveyWords['questions']

const wordsWith = (title: string, start: SurveyWords['start'], questions: Questions): SurveyWords => ({
  title,
  start,
  questions,
})

const englishStart = { purpose: ['We want to hear from you.'], answers: ['We use your answers to plan.'] }
const welshStart = {
  purpose: ['Rydyn ni eisiau clywed gennych chi.'],
  answers: ['Rydyn ni’n defnyddio eich atebion.'],
}
const urduStart = {
  purpose: ['ہم آپ سے سننا چاہتے ہیں۔'],
  answers: ['ہم آپ کے جوابات منصوبہ بندی کے لیے استعمال کرتے ہیں۔'],
}

const englishFirst: Questions = {
  listened: { title: 'I felt listened to.' },
  transport: { title: 'How did you get to the meeting?', options: { bus: 'Bus', car: 'Car', walk: 'Walk' } },
  home: { title: 'How do you feel about home?' },
  helped: { title: 'Did someone help you?' },
  'helped-how': {
    title: 'How did they help?',
    options: { 'more-time': 'More time', 'someone-to-talk': 'Someone to talk to' },
  },
  comments: { title: 'Anything else?' },
}

const welshFirst: Questions = {
  listened: { title: 'Roeddwn i’n teimlo bod rhywun yn gwrando.' },
  transport: {
    title: 'Sut daethoch chi i’r cyfarfod?',
    options: { bus: 'Bws', car: 'Car', walk: 'Cerdded' },
  },
  home: { title: 'Sut ydych chi’n teimlo am gartref?' },
  helped: { title: 'Wnaeth rhywun eich helpu?' },
  'helped-how': {
    title: 'Sut wnaethon nhw helpu?',
    options: { 'more-time': 'Mwy o amser', 'someone-to-talk': 'Rhywun i siarad ag ef' },
  },
  comments: { title: 'Unrhyw beth arall?' },
}

const urduFirst: Questions = {
  listened: { title: 'مجھے لگا کہ میری بات سنی گئی۔' },
  transport: { title: 'آپ میٹنگ میں کیسے آئے؟', options: { bus: 'بس', car: 'گاڑی', walk: 'پیدل' } },
  home: { title: 'آپ گھر کے بارے میں کیسا محسوس کرتے ہیں؟' },
  helped: { title: 'کیا کسی نے آپ کی مدد کی؟' },
  'helped-how': {
    title: 'انہوں نے کیسے مدد کی؟',
    options: { 'more-time': 'زیادہ وقت', 'someone-to-talk': 'بات کرنے کے لیے کوئی' },
  },
  comments: { title: 'کچھ اور؟' },
}

/** Version 2's words: every question of version 2, with its changes in every language. */
function secondWords(first: Questions, changes: Questions): Questions {
  const kept = Object.fromEntries(Object.entries(first).filter(([id]) => id !== 'home'))
  return { ...kept, ...changes }
}

export const firstVersion: SurveyTemplate = {
  definition: firstDefinition,
  words: {
    en: wordsWith('Meetings', englishStart, englishFirst),
    cy: wordsWith('Cyfarfodydd', welshStart, welshFirst),
    ur: wordsWith('میٹنگز', urduStart, urduFirst),
  },
}

export const secondVersion: SurveyTemplate = {
  definition: secondDefinition,
  words: {
    en: wordsWith(
      'Meetings',
      englishStart,
      secondWords(englishFirst, {
        listened: { title: 'People listened to me.' },
        club: { title: 'Do you go to a parents’ club?' },
        transport: {
          title: 'How did you get to the meeting?',
          options: { bus: 'Bus', walk: 'On foot', train: 'Train' },
        },
      }),
    ),
    cy: wordsWith(
      'Cyfarfodydd',
      welshStart,
      secondWords(welshFirst, {
        listened: { title: 'Roedd pobl yn gwrando arna i.' },
        club: { title: 'Ydych chi’n mynd i glwb rhieni?' },
        transport: {
          title: 'Sut daethoch chi i’r cyfarfod?',
          options: { bus: 'Bws', walk: 'Ar droed', train: 'Trên' },
        },
      }),
    ),
    ur: wordsWith(
      'میٹنگز',
      urduStart,
      secondWords(urduFirst, {
        listened: { title: 'لوگوں نے میری بات سنی۔' },
        club: { title: 'کیا آپ والدین کے کلب میں جاتے ہیں؟' },
        transport: {
          title: 'آپ میٹنگ میں کیسے آئے؟',
          options: { bus: 'بس', walk: 'پیدل چل کر', train: 'ٹرین' },
        },
      }),
    ),
  },
}

const times = (count: number, response: PlannedResponse): PlannedResponse[] =>
  Array.from({ length: count }, () => response)

/*
 * 40 responses, 10 of each kind, counted by hand in the tests:
 *   A, version 1, January: agree, car, happy, helped yes, more time, comments blank.
 *   B, version 1, January: disagree, bus, sad, helped no (helped-how skipped), wrote a comment.
 *   C, version 2, February, Welsh: agree, train, club yes, helped yes, someone to talk to, wrote.
 *   D, version 2, February: strongly agree, walk, club no, helped no (skipped), comments blank.
 * A skipped question has no key at all; a blank optional one is stored as null.
 */
export const versionOneResponses: PlannedResponse[] = [
  ...times(10, {
    version: 1,
    submittedAt: '2025-01-15T12:00:00Z',
    answers: {
      listened: 'agree',
      transport: 'car',
      home: 'happy',
      helped: 'yes',
      'helped-how': 'more-time',
      comments: null,
    },
  }),
  ...times(10, {
    version: 1,
    submittedAt: '2025-01-16T12:00:00Z',
    answers: { listened: 'disagree', transport: 'bus', home: 'sad', helped: 'no', comments: 'Fine' },
  }),
]

export const versionTwoResponses: PlannedResponse[] = [
  ...times(10, {
    version: 2,
    language: 'cy',
    submittedAt: '2025-02-15T12:00:00Z',
    answers: {
      listened: 'agree',
      club: 'yes',
      transport: 'train',
      helped: 'yes',
      'helped-how': 'someone-to-talk',
      comments: 'Da',
    },
  }),
  ...times(10, {
    version: 2,
    submittedAt: '2025-02-16T12:00:00Z',
    answers: { listened: 'strongly-agree', club: 'no', transport: 'walk', helped: 'no', comments: null },
  }),
]

export interface VersionedSurvey {
  organisationId: string
  surveyId: string
  slug: string
}

/**
 * The survey as it happens, in an organisation: version 1 published, answered, then version 2
 * published (through the same query a publish uses) and answered.
 */
export async function insertVersionedSurveyIn(
  db: Parameters<typeof insertSurvey>[0],
  organisationId: string,
  slug = 'versioned',
): Promise<VersionedSurvey> {
  const inserted = await insertSurvey(db, { organisationId, template: firstVersion, slug })
  const survey = { organisationId, surveyId: inserted.surveyId }
  await insertResponses(db, survey, versionOneResponses)
  await publishVersion(db, { ...survey, version: 2, template: secondVersion })
  await insertResponses(db, survey, versionTwoResponses)
  return { ...survey, slug: inserted.slug }
}

/** The survey in an organisation of its own. */
export async function insertVersionedSurvey(
  db: Parameters<typeof insertSurvey>[0],
): Promise<VersionedSurvey> {
  const organisation = await insertOrganisation(db)
  return insertVersionedSurveyIn(db, organisation.id)
}
