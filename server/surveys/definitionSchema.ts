import { z } from 'zod'

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

const questionBase = {
  id: stableId,
  optional: z.boolean().default(false),
  outcome: stableId.optional().describe('The outcome statement this question evidences'),
  aboutYou: z.boolean().default(false).describe('An about-you question that results can break down by'),
  picture: pictureSchema.optional(),
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
      preferNotToSay: z.boolean().default(false),
    })
    .strict(),
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

export const surveyDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    id: stableId,
    audience: z.enum(audiences),
    easyRead: z.boolean(),
    estimatedMinutes: z.number().int().min(1).max(60),
    outcomeFramework: stableId.optional(),
    questions: z.array(questionSchema).min(1).max(100),
  })
  .strict()
  .superRefine((definition, context) => {
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
export type QuestionDefinition = SurveyDefinition['questions'][number]
export type QuestionTypeName = QuestionDefinition['type']
export type Audience = SurveyDefinition['audience']
