import type { QuestionDefinition, SurveyDefinition } from '../surveys/definitionSchema'
import type { SurveyVersion } from '../surveys/queries'
import { questionTypeFor } from '../surveys/questionTypes/registry'

/** Which versions asked a question, and which offered each of its fixed answers. */
export interface QuestionHistory {
  /** Oldest first. */
  versions: number[]
  /** Each value any version offered, with the versions that offered it, oldest first. */
  values: Map<string, number[]>
}

/**
 * A survey read across all its versions, joined by the stable question ids and option values that
 * responses store: what results, exports and indicators count by, whichever version was answered.
 */
export interface CombinedSurvey {
  /** Every version as published, oldest first. */
  versions: SurveyVersion[]
  /**
   * The newest version's settings, with every question any version asked. A question is the newest
   * version's definition of it, widened to offer every value any version offered, so an answer
   * given to an earlier version is never left out of a count.
   */
  definition: SurveyDefinition
  history: Map<string, QuestionHistory>
}

const listsOfValues = ['options', 'bands'] as const
const offeredFlags = ['dontKnow', 'preferNotToSay'] as const

/** Values in the newest list's order, then those only older lists held, newest first. */
function unionOf(lists: readonly (readonly string[])[]): string[] {
  const union: string[] = []
  for (const list of lists) for (const value of list) if (!union.includes(value)) union.push(value)
  return union
}

/** The newest definition of a question, offering every value its earlier definitions offered. */
function widen(newestFirst: readonly QuestionDefinition[]): QuestionDefinition {
  const [newest, ...older] = newestFirst
  if (!newest) throw new Error('A question asked by no version')
  const same = [newest, ...older.filter((question) => question.type === newest.type)]
  const widened: Record<string, unknown> = { ...newest }
  for (const key of listsOfValues)
    if (key in newest)
      widened[key] = unionOf(same.map((question) => (question as Record<string, unknown>)[key] as string[]))
  for (const flag of offeredFlags)
    if (flag in newest)
      widened[flag] = same.some((question) => (question as Record<string, unknown>)[flag] === true)
  return widened as QuestionDefinition
}

/**
 * Every question id in reading order: the newest version's order, with each question only older
 * versions asked put back just after the question it followed when it was last asked.
 */
function questionOrder(newestFirst: readonly SurveyVersion[]): string[] {
  const order: string[] = []
  for (const version of newestFirst) {
    let after = -1
    for (const { id } of version.definition.questions) {
      const at = order.indexOf(id)
      if (at >= 0) {
        after = at
        continue
      }
      order.splice(after + 1, 0, id)
      after += 1
    }
  }
  return order
}

function historyOf(versions: readonly SurveyVersion[]): Map<string, QuestionHistory> {
  const history = new Map<string, QuestionHistory>()
  for (const version of versions)
    for (const question of version.definition.questions) {
      const entry = history.get(question.id) ?? { versions: [], values: new Map<string, number[]>() }
      history.set(question.id, entry)
      entry.versions.push(version.version)
      for (const value of questionTypeFor(question).values(question))
        entry.values.set(value, [...(entry.values.get(value) ?? []), version.version])
    }
  return history
}

/** Combines a survey's versions by question id (see CombinedSurvey). Throws when there are none. */
export function combineVersions(versions: readonly SurveyVersion[]): CombinedSurvey {
  const oldestFirst = [...versions].sort((a, b) => a.version - b.version)
  const newestFirst = [...oldestFirst].reverse()
  const newest = newestFirst[0]
  if (!newest) throw new Error('A survey with no versions')
  const definitionsOf = (id: string) =>
    newestFirst.flatMap((version) => version.definition.questions.filter((question) => question.id === id))
  return {
    versions: oldestFirst,
    definition: {
      ...newest.definition,
      questions: questionOrder(newestFirst).map((id) => widen(definitionsOf(id))),
    },
    history: historyOf(oldestFirst),
  }
}
