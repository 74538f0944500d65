import { isSmall, thresholdFrom } from '../results/threshold'
import { definitionOf, linkNesting, type Nestable } from './nesting'

/** Which ratings a survey fact counts: its indicator's counting, over the months of its period. */
export interface FactSelection {
  surveyId: string
  questions: string[]
  positive: string[]
  excluded: string[]
  aboutYou: Record<string, string>
  language?: string
  /** YYYY-MM */
  months: string[]
}

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

interface Node extends Nestable<Node> {
  fact: Counted
  definition: string
  hidden: boolean
  /** Withheld facts nested in this one. */
  withheldInside: number
  /** Of those, the ones with this fact's very figures. */
  sameInside: number
  /** Shown facts nested in this one, not counting those defined alike. */
  shownParts: number
  /** Frozen and shown, and its shown parts already withheld under rule b. */
  cleared: boolean
}

const takesPart = (fact: DisclosureFact): fact is Counted =>
  fact.selection !== null && fact.numerator !== null && fact.denominator !== null

/** What a fact tells: positive ratings, ratings counted, and counted ratings that were not positive. */
const figuresOf = (fact: Counted): number[] => [fact.numerator, fact.denominator, fact.denominator - fact.numerator]

/** What a reader learns by subtracting a nested fact's figures from its whole's. */
const differenceOf = (whole: Counted, part: Counted): number[] => [
  whole.numerator - part.numerator,
  whole.denominator - part.denominator,
  whole.denominator - whole.numerator - (part.denominator - part.numerator),
]

const anySmall = (counts: number[], threshold: number) => counts.some((count) => isSmall(count, threshold))

function requireUniqueKeys(facts: readonly DisclosureFact[]): void {
  const keys = new Set(facts.map((fact) => fact.key))
  if (keys.size !== facts.length) throw new Error('Every fact weighed for disclosure needs a key of its own')
}

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
  for (const node of nodes) node.shownParts = node.inside.filter((part) => part.definition !== node.definition).length
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
 * Keys of the facts to withhold from a scorecard, so that no small figure (1 to t - 1, t the
 * threshold) is shown, nor can be found by subtracting shown figures. B is nested in A when A's
 * definition alone says every rating of B is one of A's: same survey and counting, no more
 * questions or months, at least A's about-you filter, and A's language if A has one. A reader then
 * knows A - B. Survey facts with figures are weighed; administrative ones never are.
 *
 * 1. Primary: a fact with a small numerator, denominator or complement (denominator - numerator).
 * a. Of two shown nested facts with a small difference in any of the three, the nested one is
 *    withheld, or the whole if the nested one is frozen.
 * b. A shown fact holding a withheld fact and another shown one is withheld; when it is frozen,
 *    its other shown, unfrozen parts are withheld instead. Facts defined alike are not parts.
 * c. A shown fact whose figures equal a withheld fact nested in it is withheld: they then hold the
 *    very same ratings, so it would show that fact's figures.
 *
 * Why this stops recovery by subtraction: shown figures are 0 or at least t, so their sums never
 * are small; the difference of two shown nested facts is checked by (a); and a withheld B inside a
 * shown A could only come back as A less the rest of A, which needs that rest to be made of shown
 * facts inside A, which (b) forbids.
 *
 * Limits: a reader is taken to know only what the definitions say; facts disjoint by definition
 * but not nested are not reasoned about, so a small A - C1 - C2 where no fact covers the remainder
 * is not found (no general linear combination is searched). Frozen facts cannot change: figures an
 * earlier snapshot showed stay shown, even where they alone give away a fact withheld now.
 */
export function withholdDisclosive(facts: readonly DisclosureFact[], threshold: number): Set<string> {
  requireUniqueKeys(facts)
  const t = thresholdFrom(threshold)
  const nodes = facts.filter(takesPart).map((fact) => nodeOf(fact, t))
  linkNesting(nodes)
  withholdSmallDifferences(nodes, t)
  withholdAroundWithheld(nodes)
  const withheld = nodes.filter((node) => node.hidden).map((node) => node.fact.key)
  // A survey fact without figures has nothing to give away, but a snapshot that withheld it stands.
  const settled = facts.filter((fact) => fact.selection !== null && !takesPart(fact) && fact.frozen?.suppressed)
  return new Set([...withheld, ...settled.map((fact) => fact.key)])
}
