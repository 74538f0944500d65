import type { Translate } from '../i18n/translator'
import type { SurveyDefinition } from '../surveys/definitionSchema'
import type { WordsProblem } from './problems'

/** What is wrong and what to do, in the officer's language (locales/<lng>/easyRead.json). */
export function describeProblem(problem: WordsProblem, t: Translate): string {
  switch (problem.kind) {
    case 'sentence-too-long':
      return t(problem.blocking ? 'easyRead.problems.sentenceTooLong' : 'easyRead.problems.sentenceLong', {
        words: problem.words,
        limit: problem.limit,
        sentence: problem.sentence,
      })
    case 'jargon':
      return t('easyRead.problems.jargon', { term: problem.term, instead: problem.instead })
    case 'reading-grade':
      return t('easyRead.problems.readingGrade', { grade: problem.grade, limit: problem.limit })
    case 'missing-words':
      return t(problem.field === 'survey' ? 'easyRead.problems.noWords' : 'easyRead.problems.missingWords')
  }
}

/**
 * Where a problem is, in the officer's language: "Question 3: title", "Start page: paragraph 2 of why
 * we ask", "All the words". Question numbers follow the definition's order.
 */
export function describeField(field: string, definition: SurveyDefinition, t: Translate): string {
  const [area, id = '', part = '', detail = ''] = field.split('.')
  if (area === 'title') return t('easyRead.fields.title')
  if (area === 'survey') return t('easyRead.fields.survey')
  if (area === 'start')
    return t(`easyRead.fields.${id === 'answers' ? 'answers' : 'purpose'}`, { number: Number(part) + 1 })
  if (area === 'pages') return t(`easyRead.fields.page.${part === 'title' ? 'title' : 'body'}`, { page: id })
  const number = definition.questions.findIndex((question) => question.id === id) + 1
  const parts: Record<string, string> = {
    title: 'easyRead.fields.question.title',
    hint: 'easyRead.fields.question.hint',
    options: 'easyRead.fields.question.option',
    optionHints: 'easyRead.fields.question.optionHint',
    pictureAlt: 'easyRead.fields.question.pictureAlt',
  }
  return t(parts[part] ?? 'easyRead.fields.question.title', { number, option: detail })
}
