import type { FactSelection } from './types'

/**
 * Which facts hold which, from their definitions, and what a reader learns by subtracting one from
 * another: the knowledge `withholdDisclosive` guards against.
 */

/** Anything that can be placed among the facts nested in it and the facts it is nested in. */
export interface Nestable<T> {
  selection: FactSelection
  /** The other facts whose ratings are all among this one's, by their definitions. */
  inside: T[]
  /** The other facts this one is nested in. */
  around: T[]
}

/** A survey fact's counts: ratings that were positive, and ratings counted. */
interface Counts {
  numerator: number
  denominator: number
}

/** What a fact tells: positive ratings, ratings counted, and counted ratings that were not positive. */
export const figuresOf = (fact: Counts) => [
  fact.numerator,
  fact.denominator,
  fact.denominator - fact.numerator,
]

/** What a reader learns by subtracting a nested fact's figures from its whole's. */
export const differenceOf = (whole: Counts, part: Counts): number[] => [
  whole.numerator - part.numerator,
  whole.denominator - part.denominator,
  whole.denominator - whole.numerator - (part.denominator - part.numerator),
]

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
  /** Of `aboutYou`, taken once: comparing every pair must not build them again. */
  filters: [string, string][]
  language: string | undefined
}

function within(part: Set<string>, whole: Set<string>): boolean {
  if (part.size > whole.size) return false
  for (const value of part) if (!whole.has(value)) return false
  return true
}

/**
 * Every rating of `part` is a rating of `whole`: no more questions or months, at least the same
 * about-you filter, and the same language unless `whole` takes every language.
 */
function isNestedIn<T>(part: Prepared<T>, whole: Prepared<T>): boolean {
  return (
    (whole.language === undefined || whole.language === part.language) &&
    whole.filters.every(
      ([question, answer]) => Object.hasOwn(part.aboutYou, question) && part.aboutYou[question] === answer,
    ) &&
    within(part.months, whole.months) &&
    within(part.questions, whole.questions)
  )
}

function prepare<T extends Nestable<T>>(node: T): Prepared<T> {
  const { questions, months, aboutYou, language } = node.selection
  const filters = Object.entries(aboutYou)
  return { node, questions: new Set(questions), months: new Set(months), aboutYou, filters, language }
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
