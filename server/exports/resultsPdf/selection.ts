import { formatDate } from '../../i18n/formatDate'
import { languages, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import type { ResultsFilter } from '../../results/types'
import type { SurveyDefinition } from '../../surveys/definitionSchema'
import { optionLabeller } from '../../surveys/labels'
import type { SurveyWords } from '../../surveys/words'
import { unbreakable } from '../../pdf/textLayout'

export interface SelectionItem {
  label: string
  value: string
}

/** The filter's `to` is the midnight after the last day; the day before it, in London, is the last day. */
const lastDay = (to: Date): Date => new Date(to.getTime() - 1)

function period(filter: ResultsFilter, t: Translate, language: LanguageCode): string {
  const from = filter.from && unbreakable(formatDate(filter.from, language))
  const to = filter.to && unbreakable(formatDate(lastDay(filter.to), language))
  if (from && to) return t('pdf.period.between', { from, to })
  if (from) return t('pdf.period.from', { from })
  if (to) return t('pdf.period.to', { to })
  return t('pdf.period.all')
}

/**
 * The selection in words, as the results page's filter shows it: the period (London days, the
 * last one included), the language answered in, and each about-you answer or "Anyone".
 */
export function describeSelection(input: {
  filter: ResultsFilter
  definition: SurveyDefinition
  words: SurveyWords
  t: Translate
  language: LanguageCode
}): SelectionItem[] {
  const { filter, definition, words, t, language } = input
  const answeredIn = languages.find(({ code }) => code === filter.language)
  const aboutYou = definition.questions
    .filter((question) => question.aboutYou)
    .map((question) => {
      const chosen = filter.aboutYou?.[question.id]
      const label = optionLabeller(question, words.questions[question.id], t)
      return {
        label: words.questions[question.id]?.title ?? question.id,
        value: chosen === undefined ? t('pages.results.anyone') : label(chosen),
      }
    })
  return [
    { label: t('pdf.period.label'), value: period(filter, t, language) },
    { label: t('pages.results.language'), value: answeredIn?.name ?? t('pages.results.anyLanguage') },
    ...aboutYou,
  ]
}
