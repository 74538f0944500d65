import type { Translate } from '../i18n/translator'
import type { QuestionDefinition } from '../surveys/definitionSchema'
import { optionLabeller } from '../surveys/labels'
import type { AnswerError, ChoiceItem } from '../surveys/questionTypes/contract'
import { questionTypeFor } from '../surveys/questionTypes/registry'
import type { SurveyWords } from '../surveys/words'
import { numberErrorText, numberFieldValues, numberRangeHint } from './numberField'

export const answerFieldName = 'answer'

interface QuestionPageInput {
  question: QuestionDefinition
  words: SurveyWords
  t: Translate
  /** What the form shows: the saved answer, or what was posted when it was rejected. */
  shown: string[]
  error?: AnswerError
  position: { current: number; total: number }
}

function errorText(input: QuestionPageInput, control: string, items: ChoiceItem[]): string {
  const { error, t } = input
  if (error && control === 'number') return numberErrorText({ ...input, error, items }, t)
  if (error === 'required') return t(`errors.required.${control}`)
  if (error === 'tooLong')
    return t('errors.tooLong', { max: input.question.type === 'free-text' ? input.question.maxLength : 0 })
  if (error === 'exclusive') {
    const option = items.find(
      (item) => input.shown.includes(item.value) && ['dont-know', 'prefer-not-to-say'].includes(item.value),
    )
    return t('errors.exclusive', { option: option?.text ?? '' })
  }
  return t('errors.invalid')
}

/** Everything the question view needs, in the shape of the GOV.UK components it uses. */
export function questionPageModel(input: QuestionPageInput) {
  const { question, words, t, shown } = input
  const type = questionTypeFor(question)
  const questionWords = words.questions[question.id]
  const title = questionWords?.title ?? question.id
  const heading = question.optional ? `${title} ${t('pages.question.optional')}` : title
  const picture = question.picture && {
    src: `/pictures/${question.picture.name}.svg`,
    alt: question.picture.alt === 'described' ? (questionWords?.pictureAlt ?? '') : '',
  }
  const label = optionLabeller(question, questionWords, t)
  const items = type.items(question, label)
  const message = input.error && errorText(input, type.control, items)
  const errorMessage = message ? { text: message, visuallyHiddenText: t('errors.visuallyHidden') } : undefined
  const hintText = questionWords?.hint ?? numberRangeHint(question, t)
  const hint = hintText ? { text: hintText } : undefined
  const maxLength = question.type === 'free-text' ? question.maxLength : undefined
  return {
    pageTitle: title,
    progress: t('pages.question.progress', input.position),
    errorList: message ? [{ text: message, href: `#${answerFieldName}` }] : [],
    field: {
      control: type.control,
      textarea: {
        id: answerFieldName,
        name: answerFieldName,
        label: { text: heading, classes: 'govuk-label--l', picture },
        hint,
        errorMessage,
        value: shown[0] ?? '',
        rows: 6,
        countMessage: maxLength ? t('pages.question.characterLimit', { max: maxLength }) : undefined,
      },
      number: {
        id: answerFieldName,
        name: answerFieldName,
        heading,
        picture,
        hint,
        errorMessage,
        inputLabel: t('journeySteps.number.label'),
        divider: t('answers.or'),
        ...numberFieldValues(shown, items),
      },
      choices: {
        type: type.control === 'checkboxes' ? 'checkbox' : 'radio',
        idPrefix: answerFieldName,
        name: answerFieldName,
        fieldset: {
          legend: { text: heading, isPageHeading: true, classes: 'govuk-fieldset__legend--l', picture },
        },
        hint,
        errorMessage,
        items: items.map((item) => ({
          value: item.value,
          text: item.text,
          picture: item.picture && `/pictures/${item.picture}.svg`,
          checked: shown.includes(item.value),
          divider: item.dividerBefore ? t('answers.or') : undefined,
          behaviour: type.control === 'checkboxes' && item.exclusive ? 'exclusive' : undefined,
        })),
      },
    },
  }
}
