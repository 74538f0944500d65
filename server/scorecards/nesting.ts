import type { FactSelection } from './disclosure'

/** Anything that can be placed among the facts nested in it and the facts it is nested in. */
export interface Nestable<T> {
  selection: FactSelection
  /** The other facts whose ratings are all among this one's, by their definitions. */
  inside: T[]
  /** The other facts this one is nested in. */
  around: T[]
}

const distinct = (values: readonly string[]): string[] => [...new Set(values)].sort()

/**
 * Ratings are only comparable within one survey counted one way: with another positive or excluded
 * set, the same ratings give other figures, so neither fact can be taken from the other.
 */
const familyOf = (selection: FactSelection): string =>
  JSON.stringify([selection.surveyId, distinct(selection.positive), distinct(selection.excluded)])

/** The same text for two selections exactly when each is nested in the other: they hold the same ratings. */
export const definitionOf = (selection: FactSelection): string =>
  JSON.stringify([
    familyOf(selection),
    distinct(selection.questions),
    distinct(selection.months),
    Object.keys(selection.aboutYou)
      .sort()
      .map((question) => [question, selection.aboutYou[question]]),
    selection.language ?? null,
  ])

interface Prepared<T> {
  node: T
  questions: Set<string>
  months: Set<string>
  aboutYou: Record<string, string>
  language: string | undefined
}

const within = (part: Set<string>, whole: Set<string>): boolean =>
  [...part].every((value) => whole.has(value))

/**
 * Every rating of `part` is a rating of `whole`: no more questions or months, at least the same
 * about-you filter, and the same language unless `whole` takes every language.
 */
function isNestedIn<T>(part: Prepared<T>, whole: Prepared<T>): boolean {
  return (
    within(part.questions, whole.questions) &&
    within(part.months, whole.months) &&
    Object.entries(whole.aboutYou).every(
      ([question, answer]) => Object.hasOwn(part.aboutYou, question) && part.aboutYou[question] === answer,
    ) &&
    (whole.language === undefined || whole.language === part.language)
  )
}

function prepare<T extends Nestable<T>>(node: T): Prepared<T> {
  const { questions, months, aboutYou, language } = node.selection
  return { node, questions: new Set(questions), months: new Set(months), aboutYou, language }
}

/**
 * Fills each node's `inside` and `around` lists, once: every pair within a survey and counting is
 * compared, O(n²), so the rules that use the lists never compare definitions again.
 */
export function linkNesting<T extends Nestable<T>>(nodes: readonly T[]): void {
  const families = new Map<string, Prepared<T>[]>()
  for (const node of nodes) {
    const family = familyOf(node.selection)
    const members = families.get(family) ?? []
    members.push(prepare(node))
    families.set(family, members)
  }
  for (const members of families.values())
    for (const whole of members)
      for (const part of members)
        if (part !== whole && isNestedIn(part, whole)) {
          whole.node.inside.push(part.node)
          part.node.around.push(whole.node)
        }
}
