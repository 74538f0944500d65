import type { Translate } from '../i18n/translator'
import type { QuestionDefinition } from '../surveys/definitionSchema'
import type { AnswerError, ChoiceItem } from '../surveys/questionTypes/contract'
import { numberRange } from '../surveys/questionTypes/numberType'

/** What to do about the range: "between X and Y", "X or more" or "Y or less", as the question sets it. */
function rangeText(question: QuestionDefinition, t: Translate): string {
  const own = question.type === 'number' ? question : undefined
  const { min, max } = numberRange(question)
  if (own?.min !== undefined && own.max === undefined) return t('journeySteps.number.atLeast', { min })
  if (own?.max !== undefined && own.min === undefined) return t('journeySteps.number.atMost', { max })
  return t('journeySteps.number.between', { min, max })
}

/** The plain words for what is wrong with a number answer. */
export function numberErrorText(
  input: { question: QuestionDefinition; error: AnswerError; shown: string[]; items: ChoiceItem[] },
  t: Translate,
): string {
  const { question, error, shown, items } = input
  if (error === 'outOfRange') return rangeText(question, t)
  if (error === 'exclusive') {
    const chosen = items.filter((item) => shown.includes(item.value))
    const [option] = chosen
    return chosen.length > 1 || !option
      ? t('journeySteps.number.oneAnswer')
      : t('journeySteps.number.exclusive', { option: option.text })
  }
  if (error === 'invalid') return t('errors.invalid')
  return t('journeySteps.number.whole')
}

/** A hint that says the range before anyone gets it wrong, when the question sets one. */
export function numberRangeHint(question: QuestionDefinition, t: Translate): string | undefined {
  if (question.type !== 'number' || (question.min === undefined && question.max === undefined))
    return undefined
  return rangeText(question, t)
}

/** The box shows what was typed; the choices are ticked as they were. */
export function numberFieldValues(shown: string[], items: ChoiceItem[]) {
  const choices = new Set(items.map((item) => item.value))
  return {
    value: shown.find((value) => !choices.has(value)) ?? '',
    choices: items.map((item) => ({
      value: item.value,
      text: item.text,
      checked: shown.includes(item.value),
    })),
  }
}
