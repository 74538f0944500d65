import { z } from 'zod'

/** The words of one survey in one language, as held in locales/<lng>/surveys.json and in each version. */
export const questionWordsSchema = z
  .object({
    title: z.string().min(1),
    hint: z.string().min(1).optional(),
    pictureAlt: z.string().min(1).optional(),
    options: z.record(z.string(), z.string().min(1)).optional(),
    optionHints: z.record(z.string(), z.string().min(1)).optional(),
  })
  .strict()

export const informationPageWordsSchema = z
  .object({
    title: z.string().min(1),
    body: z.array(z.string().min(1)).min(1),
  })
  .strict()

export const surveyWordsSchema = z
  .object({
    title: z.string().min(1),
    start: z
      .object({
        purpose: z.array(z.string().min(1)).min(1),
        answers: z.array(z.string().min(1)).min(1),
      })
      .strict(),
    questions: z.record(z.string(), questionWordsSchema),
    /** Words of the survey's information pages, by page id. */
    pages: z.record(z.string(), informationPageWordsSchema).optional(),
  })
  .strict()

export type QuestionWords = z.output<typeof questionWordsSchema>
export type SurveyWords = z.output<typeof surveyWordsSchema>
export type InformationPageWords = z.output<typeof informationPageWordsSchema>

/** Words by language code. English is always present and is the fallback. */
export type SurveyWordsByLanguage = Record<string, SurveyWords>

export function wordsFor(words: SurveyWordsByLanguage, language: string): SurveyWords {
  const english = words.en
  if (!english) throw new Error('Survey words have no English')
  return words[language] ?? english
}
