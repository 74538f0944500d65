import { z } from 'zod'
import { languages, type LanguageCode } from '../i18n/languages'
import { checkConditions } from './conditionRules'
import { checkInformationPages } from './informationPageRules'

/** Stable ids: lower-case words joined by hyphens. They never change once a survey has responses. */
export const stableId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/, 'use lower-case words joined by hyphens')

export const audiences = ['young-person', 'parent-carer', 'professional'] as const

/**
 * A picture beside the words. "decorative" pictures repeat what the words say, so their alternative
 * text is empty; "described" pictures add meaning, so the survey's words give them a description.
 */
const pictureSchema = z.object({
  name: stableId,
  alt: z.enum(['decorative', 'described']),
})

/**
 * "Ask this only if": the question is asked when that earlier question's stored answer is one of these
 * values (for multiple choice, includes one of them). Otherwise it is skipped: never shown, never
 * required, never stored.
 */
export const askIfSchema = z
  .object({
    question: stableId.describe('The id of an earlier question with fixed answers'),
    answers: z.array(stableId).min(1).describe('Stored answer values of that question'),
  })
  .strict()

const questionBase = {
  id: stableId,
  optional: z.boolean().default(false),
  outcome: stableId.optional().describe('The outcome statement this question evidences'),
  aboutYou: z.boolean().default(false).describe('An about-you question that results can break down by'),
  picture: pictureSchema.optional(),
  askIf: askIfSchema.optional(),
}

const scaleQuestion = <T extends string>(type: T) =>
  z.object({ ...questionBase, type: z.literal(type) }).strict()

export const ageBand = z
  .string()
  .regex(/^(under-\d{1,2}|\d{1,2}-\d{1,2}|\d{1,2}-plus)$/, 'use e.g. under-8, 8-11 or 19-plus')

export const questionSchema = z.discriminatedUnion('type', [
  scaleQuestion('importance'),
  scaleQuestion('agreement'),
  scaleQuestion('faces'),
  scaleQuestion('yes-no-not-sure'),
  z
    .object({
      ...questionBase,
      type: z.literal('single-choice'),
      options: z.array(stableId).min(2).max(20),
      dontKnow: z.boolean().default(false),
      preferNotToSay: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('multiple-choice'),
      options: z.array(stableId).min(2).max(20),
      dontKnow: z.boolean().default(false),
      preferNotToSay: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('number'),
      min: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
      max: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
      dontKnow: z.boolean().default(false),
      preferNotToSay: z.boolean().default(false),
    })
    .strict()
    .refine(
      (question) => question.min === undefined || question.max === undefined || question.min <= question.max,
      {
        path: ['max'],
        message: 'max must not be less than min',
      },
    ),
  z
    .object({
      ...questionBase,
      type: z.literal('free-text'),
      maxLength: z.number().int().min(10).max(5000).default(1000),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('age-group'),
      bands: z.array(ageBand).min(2).max(12),
    })
    .strict(),
])

/**
 * A short page of words between questions: shown just before the question named in `before` (only
 * when that question is asked), or after the last question when `before` is absent. Its words are in
 * the survey's words under `pages`.
 */
export const informationPageSchema = z
  .object({
    id: stableId,
    before: stableId.optional().describe('The id of the question this page comes just before'),
  })
  .strict()

const languageCodes = languages.map((language) => language.code) as [LanguageCode, ...LanguageCode[]]

function checkLanguages(offered: string[] | undefined, context: z.RefinementCtx): void {
  if (!offered) return
  if (!offered.includes('en'))
    context.addIssue({ code: 'custom', path: ['languages'], message: 'languages must include en' })
  offered.forEach((code, index) => {
    if (offered.indexOf(code) !== index)
      context.addIssue({ code: 'custom', path: ['languages', index], message: `duplicate language ${code}` })
  })
}

export const surveyDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    id: stableId,
    audience: z.enum(audiences),
    easyRead: z.boolean(),
    estimatedMinutes: z.number().int().min(1).max(60),
    outcomeFramework: stableId.optional(),
    questions: z.array(questionSchema).min(1).max(100),
    informationPages: z.array(informationPageSchema).max(100).default([]),
    languages: z
      .array(z.enum(languageCodes))
      .min(1)
      .optional()
      .describe('Languages offered to respondents; must include en. Absent: every language with words'),
  })
  .strict()
  .superRefine((definition, context) => {
    checkConditions(definition.questions, context)
    checkInformationPages(definition, context)
    checkLanguages(definition.languages, context)
    const seen = new Set<string>()
    definition.questions.forEach((question, index) => {
      if (seen.has(question.id))
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `duplicate id ${question.id}`,
        })
      seen.add(question.id)
      if ('options' in question && new Set(question.options).size !== question.options.length)
        context.addIssue({
          code: 'custom',
          path: ['questions', index, 'options'],
          message: 'duplicate option',
        })
    })
  })

export type SurveyDefinition = z.output<typeof surveyDefinitionSchema>
// From the question schema itself, so the survey's own checks can use it without a circular type.
export type QuestionDefinition = z.output<typeof questionSchema>
export type QuestionTypeName = QuestionDefinition['type']
export type Audience = SurveyDefinition['audience']
export type AskIf = z.output<typeof askIfSchema>
export type InformationPage = z.output<typeof informationPageSchema>
