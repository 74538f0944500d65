import { z } from 'zod'
import { languages, type LanguageCode } from '../i18n/languages'
import { surveyDefinitionSchema } from '../surveys/definitionSchema'
import { surveyWordsSchema } from '../surveys/words'

/** What a survey file says it is, so a reader can tell one from any other JSON before trusting it. */
export const surveyFileFormat = 'heard-survey'
export const surveyFileFormatVersion = 1

const languageCodes = languages.map((language) => language.code) as [LanguageCode, ...LanguageCode[]]

/**
 * One survey as a file to share between organisations: the definition, checked by the one definition
 * schema, and its words in each language, checked by the one words schema. Nothing else travels: no
 * responses, slugs, dates or status, so a file says nothing about who ran the survey or how.
 */
export const surveyFileSchema = z
  .object({
    $schema: z.string().max(2000).optional().describe('Where this format is published, for editors'),
    format: z.literal(surveyFileFormat),
    formatVersion: z.literal(surveyFileFormatVersion),
    definition: surveyDefinitionSchema,
    words: z
      .partialRecord(z.enum(languageCodes), surveyWordsSchema)
      .refine((words) => words.en !== undefined, { message: 'words must include en', path: ['en'] })
      .describe('The survey words by language code; English is required'),
  })
  .strict()

export type SurveyFile = z.output<typeof surveyFileSchema>
