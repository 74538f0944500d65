import { z } from 'zod'
import type { Translate } from '../i18n/translator'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import { optionLabeller } from '../surveys/labels'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { InformationPageWords, SurveyWords } from '../surveys/words'

/** One box on the words form: its name, what it is for, and the words in it now. */
export interface WordsField {
  name: string
  label: string
  value: string
  multiline: boolean
  required: boolean
  maxLength: number
}

const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')

/** Every editable piece of a survey's words in one language, in reading order. */
export function wordsFields(definition: SurveyDefinition, words: SurveyWords, t: Translate): WordsField[] {
  const fields: WordsField[] = [
    {
      name: 'title',
      label: t('pages.editWords.surveyTitle'),
      value: words.title,
      multiline: false,
      required: true,
      maxLength: 200,
    },
    {
      name: 'purpose',
      label: t('pages.editWords.purpose'),
      value: words.start.purpose.join('\n\n'),
      multiline: true,
      required: true,
      maxLength: 2000,
    },
    {
      name: 'answers',
      label: t('pages.editWords.answers'),
      value: words.start.answers.join('\n\n'),
      multiline: true,
      required: true,
      maxLength: 2000,
    },
  ]
  definition.questions.forEach((question, index) => {
    const own = words.questions[question.id]
    const label = optionLabeller(question, own, t)
    const number = index + 1
    fields.push(...pageFields(definition, words, { before: question.id, t }))
    fields.push(
      {
        name: `q-${question.id}-title`,
        label: t('pages.editWords.question', { number }),
        value: own?.title ?? '',
        multiline: false,
        required: true,
        maxLength: 300,
      },
      {
        name: `q-${question.id}-hint`,
        label: t('pages.editWords.hint', { number }),
        value: own?.hint ?? '',
        multiline: true,
        required: false,
        maxLength: 500,
      },
      ...questionTypeFor(question)
        .values(question)
        .map((value) => ({
          name: `q-${question.id}-option-${value}`,
          label: t('pages.editWords.option', { number, option: label(value) }),
          value: label(value),
          multiline: false,
          required: true,
          maxLength: 200,
        })),
    )
    // A described picture adds meaning, so every language needs its description.
    if (question.picture?.alt === 'described')
      fields.push({
        name: `q-${question.id}-picture-alt`,
        label: t('easyRead.wordsForm.pictureAlt', { number }),
        value: own?.pictureAlt ?? '',
        multiline: false,
        required: true,
        maxLength: 300,
      })
  })
  fields.push(...pageFields(definition, words, { before: undefined, t }))
  return fields
}

/** The boxes of the information pages shown just before a question (or, with none, after the last). */
function pageFields(
  definition: SurveyDefinition,
  words: SurveyWords,
  place: { before: string | undefined; t: Translate },
): WordsField[] {
  return definition.informationPages
    .filter((page) => page.before === place.before)
    .flatMap((page) => [
      {
        name: `page-${page.id}-title`,
        label: place.t('easyRead.wordsForm.pageTitle', { page: page.id }),
        value: words.pages?.[page.id]?.title ?? '',
        multiline: false,
        required: true,
        maxLength: 200,
      },
      {
        name: `page-${page.id}-body`,
        label: place.t('easyRead.wordsForm.pageBody', { page: page.id }),
        value: words.pages?.[page.id]?.body.join('\n\n') ?? '',
        multiline: true,
        required: true,
        maxLength: 2000,
      },
    ])
}

function pagesFrom(definition: SurveyDefinition, values: Record<string, string | undefined>) {
  const pages: Record<string, InformationPageWords> = Object.fromEntries(
    definition.informationPages.map((page) => [
      page.id,
      {
        title: values[`page-${page.id}-title`] ?? '',
        body: paragraphs(values[`page-${page.id}-body`] ?? ''),
      },
    ]),
  )
  return Object.keys(pages).length > 0 ? { pages } : {}
}

/**
 * Checks the posted boxes (required ones filled, none too long) and builds the words from them.
 * Option hints have no box here, so the current words' are kept.
 */
export function parseWordsForm(
  survey: { definition: SurveyDefinition; current: SurveyWords },
  fields: WordsField[],
  posted: Record<string, string>,
) {
  const { definition, current } = survey
  const shape = Object.fromEntries(
    fields.map((field) => {
      const text = z.string().trim().max(field.maxLength, 'errors.words.tooLong')
      return [field.name, field.required ? text.min(1, 'errors.words.required') : text]
    }),
  )
  return z
    .object(shape)
    .transform((values): SurveyWords => ({
      title: values.title ?? '',
      start: { purpose: paragraphs(values.purpose ?? ''), answers: paragraphs(values.answers ?? '') },
      questions: Object.fromEntries(
        definition.questions.map((question) => {
          const hint = values[`q-${question.id}-hint`]
          const pictureAlt = values[`q-${question.id}-picture-alt`]
          const optionHints = current.questions[question.id]?.optionHints
          const options = Object.fromEntries(
            questionTypeFor(question)
              .values(question)
              .map((value) => [value, values[`q-${question.id}-option-${value}`] ?? '']),
          )
          return [
            question.id,
            {
              title: values[`q-${question.id}-title`] ?? '',
              ...(hint ? { hint } : {}),
              ...(pictureAlt ? { pictureAlt } : {}),
              ...(Object.keys(options).length > 0 ? { options } : {}),
              ...(optionHints ? { optionHints } : {}),
            },
          ]
        }),
      ),
      ...pagesFrom(definition, values),
    }))
    .safeParse(posted)
}
