import type { Translate } from '../i18n/translator'
import type { QuestionDefinition } from './definitionSchema'
import type { OptionLabeller } from './questionTypes/contract'
import type { QuestionWords } from './words'

function ageBandLabel(band: string, t: Translate): string | undefined {
  const under = /^under-(\d+)$/.exec(band)
  if (under) return t('answers.ageBand.under', { to: under[1] })
  const plus = /^(\d+)-plus$/.exec(band)
  if (plus) return t('answers.ageBand.plus', { from: plus[1] })
  const range = /^(\d+)-(\d+)$/.exec(band)
  if (range) return t('answers.ageBand.range', { from: range[1], to: range[2] })
  return undefined
}

/** Words for an option: the survey's own words first, then the shared words for scales and age bands. */
export function optionLabeller(
  question: QuestionDefinition,
  words: QuestionWords | undefined,
  t: Translate,
): OptionLabeller {
  return (value) => {
    const own = words?.options?.[value]
    if (own) return own
    if (question.type === 'age-group') return ageBandLabel(value, t) ?? t(`answers.${value}`)
    return t(`answers.${value}`)
  }
}
