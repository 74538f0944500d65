import type { QuestionDefinition } from '../../surveys/definitionSchema'
import type { QuestionWords } from '../../surveys/words'
import { omit } from './omit'
import { cloneCopy, type WorkingCopy } from './workingCopy'

/** Why a question cannot be removed or moved: the questions whose conditions depend on it. */
export type Refusal = { kind: 'has-dependants'; dependants: string[] } | { kind: 'depends-on'; on: string }

export type EditOutcome = { ok: true; copy: WorkingCopy } | { ok: false; refusal: Refusal }

/** Questions asked only if this one was answered a certain way. */
export const dependantsOf = (copy: WorkingCopy, questionId: string): string[] =>
  copy.definition.questions
    .filter((question) => question.askIf?.question === questionId)
    .map((question) => question.id)

/** Puts a question's words into every language given; other languages keep what they had. */
function setWords(copy: WorkingCopy, questionId: string, words: Record<string, QuestionWords>): void {
  for (const [language, questionWords] of Object.entries(words)) {
    const surveyWords = copy.words[language]
    if (surveyWords) surveyWords.questions[questionId] = questionWords
  }
}

export function addQuestion(
  copy: WorkingCopy,
  question: QuestionDefinition,
  words: Record<string, QuestionWords>,
): WorkingCopy {
  const next = cloneCopy(copy)
  next.definition.questions.push(question)
  setWords(next, question.id, words)
  return next
}

/** Several questions at the end, with their words in each language they come with. */
export function addQuestions(
  copy: WorkingCopy,
  added: {
    questions: QuestionDefinition[]
    words: Record<string, { questions: Record<string, QuestionWords> }>
  },
): WorkingCopy {
  const next = cloneCopy(copy)
  next.definition.questions.push(...added.questions)
  for (const [language, surveyWords] of Object.entries(next.words)) {
    const own = added.words[language] ?? added.words.en
    for (const question of added.questions) {
      const questionWords = own?.questions[question.id]
      if (questionWords) surveyWords.questions[question.id] = questionWords
    }
  }
  return next
}

export function replaceQuestion(
  copy: WorkingCopy,
  question: QuestionDefinition,
  words: Record<string, QuestionWords>,
): WorkingCopy {
  const next = cloneCopy(copy)
  next.definition.questions = next.definition.questions.map((each) =>
    each.id === question.id ? question : each,
  )
  setWords(next, question.id, words)
  return next
}

/**
 * Removes a question and its words, unless another question's condition depends on it. An
 * information page shown before it moves to the question after it (or to the end).
 */
export function removeQuestion(copy: WorkingCopy, questionId: string): EditOutcome {
  const dependants = dependantsOf(copy, questionId)
  if (dependants.length > 0) return { ok: false, refusal: { kind: 'has-dependants', dependants } }
  const next = cloneCopy(copy)
  const questions = next.definition.questions
  const index = questions.findIndex((question) => question.id === questionId)
  const following = questions[index + 1]?.id
  next.definition.questions = questions.filter((question) => question.id !== questionId)
  next.definition.informationPages = next.definition.informationPages.map((page) =>
    page.before === questionId ? { id: page.id, ...(following ? { before: following } : {}) } : page,
  )
  for (const surveyWords of Object.values(next.words)) {
    surveyWords.questions = omit(surveyWords.questions, questionId)
  }
  return { ok: true, copy: next }
}

/**
 * Swaps a question with its neighbour. A question may not move above the question its condition
 * depends on, nor below one whose condition depends on it: the condition would point forward.
 */
export function moveQuestion(copy: WorkingCopy, questionId: string, direction: 'up' | 'down'): EditOutcome {
  const questions = copy.definition.questions
  const index = questions.findIndex((question) => question.id === questionId)
  const otherIndex = direction === 'up' ? index - 1 : index + 1
  const moving = questions[index]
  const other = questions[otherIndex]
  if (!moving || !other) return { ok: true, copy }
  const [earlier, later] = direction === 'up' ? [other, moving] : [moving, other]
  if (later.askIf?.question === earlier.id)
    return direction === 'up'
      ? { ok: false, refusal: { kind: 'depends-on', on: earlier.id } }
      : { ok: false, refusal: { kind: 'has-dependants', dependants: [later.id] } }
  const next = cloneCopy(copy)
  next.definition.questions[index] = other
  next.definition.questions[otherIndex] = moving
  return { ok: true, copy: next }
}
