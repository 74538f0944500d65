import { isSmall, thresholdFrom } from '../../statistics/threshold'
import { definitionOf, differenceOf, figuresOf, linkNesting, type Nestable } from './nesting'
import type { FactSelection } from './types'

export interface DisclosureFact {
  /** Unique, e.g. `${indicatorId}/${period}`. */
  key: string
  /** null: an administrative figure, never withheld, taking no part. */
  selection: FactSelection | null
  numerator: number | null
  denominator: number | null
  /** Already published in an earlier snapshot: its state is fixed (shown stays shown, withheld stays withheld). */
  frozen?: { suppressed: boolean }
}

/** A survey fact with figures: the only kind the rules weigh. */
interface Counted extends DisclosureFact {
  selection: FactSelection
  numerator: number
  denominator: number
}

/** A fact being weighed, with running counts of what lies inside it so each check is quick. */
interface Node extends Nestable<Node> {
  fact: Counted
  definition: string
  hidden: boolean
  /** Withheld facts inside; of them, those with this fact's very figures; shown ones not defined alike. */
  withheldInside: number
  sameInside: number
  shownParts: number
  /** Frozen and shown, with its shown parts already withheld under rule b. */
  cleared: boolean
}

const takesPart = (fact: DisclosureFact): fact is Counted =>
  fact.selection !== null && fact.numerator !== null && fact.denominator !== null

const anySmall = (counts: number[], threshold: number) => counts.some((count) => isSmall(count, threshold))

/** Rule 1, primary: a small figure is withheld, unless an earlier snapshot already settled the fact. */
const nodeOf = (fact: Counted, threshold: number): Node => ({
  fact,
  selection: fact.selection,
  definition: definitionOf(fact.selection),
  inside: [],
  around: [],
  hidden: fact.frozen ? fact.frozen.suppressed : anySmall(figuresOf(fact), threshold),
  withheldInside: 0,
  sameInside: 0,
  shownParts: 0,
  cleared: false,
})

/**
 * Rule a. One pass is enough: whether a pair is disclosive depends only on its figures, and
 * withholding only ever removes shown pairs, so no pair passed over can become disclosive later.
 */
function withholdSmallDifferences(nodes: readonly Node[], threshold: number): void {
  for (const whole of nodes)
    for (const part of whole.inside) {
      if (whole.hidden) break
      if (part.hidden || !anySmall(differenceOf(whole.fact, part.fact), threshold)) continue
      if (!part.fact.frozen) part.hidden = true
      else if (!whole.fact.frozen) whole.hidden = true
    }
}

/** Rules b and c, to a fixed point. Running counts keep each check constant-time. */
function withholdAroundWithheld(nodes: readonly Node[]): void {
  const queue: Node[] = []
  const note = (part: Node) => {
    for (const whole of part.around) {
      whole.withheldInside += 1
      if (differenceOf(whole.fact, part.fact).every((count) => count === 0)) whole.sameInside += 1
      if (whole.definition !== part.definition) whole.shownParts -= 1
      queue.push(whole)
    }
  }
  const withhold = (node: Node) => {
    node.hidden = true
    note(node)
  }
  for (const node of nodes)
    node.shownParts = node.inside.filter((part) => part.definition !== node.definition).length
  nodes.filter((node) => node.hidden).forEach(note)
  for (let whole = queue.pop(); whole !== undefined; whole = queue.pop()) {
    if (whole.hidden) continue
    const holdsWithheldAndShown = whole.withheldInside > 0 && whole.shownParts > 0
    if (!whole.fact.frozen && (holdsWithheldAndShown || whole.sameInside > 0)) withhold(whole)
    else if (whole.fact.frozen && holdsWithheldAndShown && !whole.cleared) {
      whole.cleared = true
      const definition = whole.definition
      whole.inside
        .filter((part) => !part.hidden && !part.fact.frozen && part.definition !== definition)
        .forEach(withhold)
    }
  }
}

/**
 * Keys of the facts to withhold from a scorecard, so that no count from 1 to t - 1 (t: the
 * threshold, never below 5) is shown or can be worked out by subtracting shown figures.
 *
 * B is nested in A when the definitions alone say each of B's ratings is one of A's: same survey,
 * same positive and excluded answers, no more questions or months, at least A's about-you answers,
 * and A's language if A has one. A reader then knows what A - B counts. Each fact shows three
 * figures: numerator, denominator, and the complement (denominator - numerator).
 *
 * 1. Primary: a fact with a small figure is withheld. Zero is shown: it singles no one out.
 * a. Of two shown facts, one nested in the other, whose figures differ by a small count, the nested
 *    one is withheld (the whole, if the nested one is frozen).
 * b. A shown fact holding a withheld fact and another shown one is withheld; if it is frozen, its
 *    other shown parts are withheld instead. A fact defined exactly as the whole is no part of it.
 * c. A shown fact with the very figures of a withheld fact nested in it is withheld: the two hold
 *    the same ratings, so it would show the withheld figures outright.
 * Frozen facts keep the state an earlier snapshot gave them; administrative figures take no part.
 *
 * Why nothing withheld comes back by subtraction: every shown figure is 0 or at least t, so no sum
 * of shown figures is small; the difference of two shown nested facts is checked by (a); and a
 * withheld B inside a shown A comes back only as A less the rest of A, which needs that rest to be
 * made of shown facts inside A: after (b) a shown A holding a withheld fact holds no other shown
 * one, and (c) covers a rest that is empty.
 *
 * Limits. A reader is taken to know which facts nest from their definitions, nothing of the data.
 * Nested differences and sums are weighed, not every linear combination: shown parts C1 and C2 of
 * a shown A, disjoint by definition, give away A - C1 - C2 when it is small and no fact here is
 * defined as that rest (a headline over six questions, five of them shown alone); passing every
 * part of a pooled figure here, shown on the scorecard or not, closes that. Frozen facts cannot
 * change, so figures an earlier snapshot showed may give away a fact withheld now. The rules work
 * in the facts' order; another order might withhold fewer. Nesting is found once, O(n²); the rules
 * then take time in proportion to the nesting links.
 */
export function withholdDisclosive(facts: readonly DisclosureFact[], threshold: number): Set<string> {
  if (new Set(facts.map((fact) => fact.key)).size !== facts.length)
    throw new Error('Every fact weighed for disclosure needs a key of its own')
  const t = thresholdFrom(threshold)
  const nodes = facts.filter(takesPart).map((fact) => nodeOf(fact, t))
  linkNesting(nodes)
  withholdSmallDifferences(nodes, t)
  withholdAroundWithheld(nodes)
  const withheld = nodes.filter((node) => node.hidden).map((node) => node.fact.key)
  // A survey fact without figures has nothing to give away, but a snapshot that withheld it stands.
  const settled = facts.filter(
    (fact) => fact.selection !== null && !takesPart(fact) && fact.frozen?.suppressed,
  )
  return new Set([...withheld, ...settled.map((fact) => fact.key)])
}
