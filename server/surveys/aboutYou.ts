import { z } from 'zod'
import { languages } from '../i18n/languages'
import { readLocaleFile } from '../i18n/translator'
import { questionSchema, type Audience, type QuestionDefinition } from './definitionSchema'
import { questionWordsSchema, type QuestionWords } from './words'

/** Words for some questions, by language and then by question id; merged into a survey's words. */
export type QuestionWordsByLanguage = Record<string, { questions: Record<string, QuestionWords> }>

export interface AboutYouSet {
  questions: QuestionDefinition[]
  words: QuestionWordsByLanguage
}

export const aboutYouIdPrefix = 'about-you-'

/**
 * Age bands follow the points where support for a child changes, and are kept wide so that each
 * group is likely to pass small-number suppression: starting school (5), secondary school (11),
 * preparing-for-adulthood reviews from Year 9 (14), post-16 (16) and adulthood (18; an EHC plan
 * can last to 25). Young people answer for themselves from school age, so their first band is
 * "under 11"; parent carers and professionals may answer about a child in the early years.
 */
const ageBands: Record<'youngPerson' | 'aboutChild', string[]> = {
  youngPerson: ['under-11', '11-13', '14-15', '16-17', '18-plus'],
  aboutChild: ['under-5', '5-10', '11-13', '14-15', '16-17', '18-plus'],
}

/** The ONS 2021 census ethnic groups for England and Wales: 19 groups under 5 headings. */
export const censusEthnicGroups = [
  'asian-indian',
  'asian-pakistani',
  'asian-bangladeshi',
  'asian-chinese',
  'asian-other',
  'black-caribbean',
  'black-african',
  'black-other',
  'mixed-white-black-caribbean',
  'mixed-white-black-african',
  'mixed-white-asian',
  'mixed-other',
  'white-british',
  'white-irish',
  'white-gypsy-irish-traveller',
  'white-roma',
  'white-other',
  'other-arab',
  'other-any',
] as const

/** The DfE school census primary types of need, in the census order, and "no need" for everyone else. */
export const schoolCensusNeeds = [
  'specific-learning-difficulty',
  'moderate-learning-difficulty',
  'severe-learning-difficulty',
  'profound-multiple-learning-difficulty',
  'social-emotional-mental-health',
  'speech-language-communication',
  'hearing-impairment',
  'vision-impairment',
  'multi-sensory-impairment',
  'physical-disability',
  'autism',
  'other-difficulty',
  'no-specialist-assessment',
  'no-need',
] as const

function definitions(bands: string[]): unknown[] {
  const base = { aboutYou: true, optional: true }
  return [
    {
      ...base,
      id: 'about-you-age',
      type: 'age-group',
      bands,
      picture: { name: 'birthday', alt: 'decorative' },
    },
    {
      ...base,
      id: 'about-you-gender',
      type: 'single-choice',
      options: ['girl-woman', 'boy-man', 'non-binary', 'another-way'],
      preferNotToSay: true,
    },
    {
      ...base,
      id: 'about-you-ethnicity',
      type: 'single-choice',
      options: censusEthnicGroups,
      preferNotToSay: true,
    },
    {
      ...base,
      id: 'about-you-support',
      type: 'single-choice',
      options: ['ehc-plan', 'sen-support', 'neither'],
      dontKnow: true,
      preferNotToSay: true,
    },
    {
      ...base,
      id: 'about-you-need',
      type: 'single-choice',
      options: schoolCensusNeeds,
      dontKnow: true,
      preferNotToSay: true,
    },
    {
      ...base,
      id: 'about-you-setting',
      type: 'single-choice',
      options: [
        'early-years',
        'mainstream-school',
        'special-school',
        'resourced-provision',
        'alternative-provision',
        'college',
        'home-educated',
        'not-in-education',
        'other',
      ],
      preferNotToSay: true,
    },
  ]
}

const wordsFileSchema = z.object({
  aboutYouQuestions: z
    .object({
      youngPerson: z.record(z.string(), questionWordsSchema),
      aboutChild: z.record(z.string(), questionWordsSchema),
    })
    .strict(),
})

/**
 * The "about you" questions a builder adds in one step: optional, each with "prefer not to say",
 * and marked so results can be broken down by them. Young people are asked about themselves in
 * easy read; parent carers and professionals are asked about the child or young person.
 */
export function aboutYouQuestions(audience: Audience = 'young-person'): AboutYouSet {
  const variant = audience === 'young-person' ? 'youngPerson' : 'aboutChild'
  const questions = definitions(ageBands[variant]).map((question) => questionSchema.parse(question))
  const words: QuestionWordsByLanguage = {}
  for (const { code } of languages) {
    const file = wordsFileSchema.parse(readLocaleFile(code, 'aboutYouQuestions'))
    words[code] = { questions: file.aboutYouQuestions[variant] }
  }
  return { questions, words }
}
