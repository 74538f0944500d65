import fc from 'fast-check'
import { isSmall } from '../../server/statistics/threshold'
import { withholdDisclosive, type DisclosureFact } from '../../server/scorecards/model/disclosure'
import type { FactSelection } from '../../server/scorecards/model/types'

/**
 * Checks withholding against the ratings themselves: random responses, random facts counted from
 * them, and a search for any withheld fact that shown facts give back by subtraction.
 */

const threshold = 10
const months = ['2026-01', '2026-02', '2026-03', '2026-04']
const languages = ['en', 'cy']
const ageGroups = ['5-11', '12-15', '16-25']
const questions = ['school', 'home', 'friends', 'health']
const answers = ['very-important', 'quite-important', 'not-important', 'dont-know']
const counting = { surveyId: 'young-people-2026', positive: ['very-important'], excluded: ['dont-know'] }
const runs = { seed: 20260401, numRuns: 1000 }

interface Rating {
  id: number
  question: string
  answer: string
  month: string
  language: string
  ageGroup: string
}

/** A fact as counted from the ratings, with the ids of the ratings its denominator counts. */
interface Counted {
  fact: DisclosureFact & { selection: FactSelection; numerator: number; denominator: number }
  ids: Set<number>
  /** In the earlier snapshot too. */
  earlier: boolean
}

/** Mostly the first value, so the rest make small groups and near-equal facts are common. */
const skewed = (values: string[]) =>
  fc.oneof({ arbitrary: fc.constant(values[0] ?? ''), weight: 4 }, fc.constantFrom(...values))

/** Responses from some months, languages and age groups only, so that some facts hold exactly the ratings of others. */
const responsesArbitrary = fc
  .tuple(...[months, languages, ageGroups].map((values) => fc.subarray(values, { minLength: 1 })))
  .chain(([someMonths = months, someLanguages = languages, someAgeGroups = ageGroups]) =>
    fc.array(
      fc.record({
        month: skewed(someMonths),
        language: skewed(someLanguages),
        ageGroup: skewed(someAgeGroups),
        // Most answer every question; some leave one out.
        answers: fc.tuple(...questions.map(() => fc.option(fc.constantFrom(...answers), { freq: 6 }))),
      }),
      { maxLength: 160, size: 'max' },
    ),
  )

/** All of them, one of them, or any of them: wholes and parts both turn up often. */
const someOf = (values: string[]) =>
  fc.oneof(
    fc.constant(values),
    fc.constantFrom(...values.map((value) => [value])),
    fc.subarray(values, { minLength: 1 }),
  )

const factArbitrary = fc.record({
  questions: someOf(questions),
  months: someOf(months),
  ageGroup: fc.option(fc.constantFrom(...ageGroups), { freq: 2 }),
  language: fc.option(fc.constantFrom(...languages), { freq: 3 }),
  earlier: fc.boolean(),
})

type Drawn = typeof factArbitrary extends fc.Arbitrary<infer T> ? T : never

/** A whole and its parts, as a scorecard shows them: a headline and each question, or a period and each month. */
const familyArbitrary = fc
  .tuple(
    factArbitrary,
    fc.constantFrom('questions' as const, 'months' as const),
    fc.array(fc.boolean(), { minLength: 4 }),
  )
  .map(([whole, by, earlier]): Drawn[] => [
    whole,
    ...whole[by].map((value, index) => ({ ...whole, [by]: [value], earlier: earlier[index] ?? false })),
  ])

const caseArbitrary = fc.record({
  responses: responsesArbitrary,
  facts: fc
    .tuple(
      fc.array(factArbitrary, { maxLength: 12, size: 'max' }),
      fc.array(familyArbitrary, { maxLength: 3 }),
    )
    .map(([loose, families]) => [...loose, ...families.flat()])
    .filter((facts) => facts.length > 0),
})

type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never

function ratingsOf(responses: Case['responses']): Rating[] {
  return responses.flatMap((response, index) =>
    questions.flatMap((question, position) => {
      const answer = response.answers[position]
      return answer ? [{ id: index * questions.length + position, question, answer, ...response }] : []
    }),
  )
}

const isCountedBy = (selection: FactSelection, rating: Rating) =>
  selection.questions.includes(rating.question) &&
  selection.months.includes(rating.month) &&
  (selection.aboutYou['age-group'] ?? rating.ageGroup) === rating.ageGroup &&
  (selection.language ?? rating.language) === rating.language &&
  !selection.excluded.includes(rating.answer)

function countFacts(generated: Case): Counted[] {
  const ratings = ratingsOf(generated.responses)
  return generated.facts.map((drawn, index) => {
    const selection: FactSelection = {
      ...counting,
      questions: drawn.questions,
      months: drawn.months,
      aboutYou: drawn.ageGroup === null ? {} : { 'age-group': drawn.ageGroup },
      ...(drawn.language === null ? {} : { language: drawn.language }),
    }
    const counted = ratings.filter((rating) => isCountedBy(selection, rating))
    const numerator = counted.filter((rating) => selection.positive.includes(rating.answer)).length
    const fact = { key: `fact-${index}`, selection, numerator, denominator: counted.length }
    return { fact, ids: new Set(counted.map((rating) => rating.id)), earlier: drawn.earlier }
  })
}

/** The reader's view: nesting from the definitions alone, written apart from the code under test. */
const isNestedIn = (part: FactSelection, whole: FactSelection) =>
  part.questions.every((question) => whole.questions.includes(question)) &&
  part.months.every((month) => whole.months.includes(month)) &&
  Object.entries(whole.aboutYou).every(([question, answer]) => part.aboutYou[question] === answer) &&
  (whole.language === undefined || whole.language === part.language)

const isAlike = (one: FactSelection, other: FactSelection) => isNestedIn(one, other) && isNestedIn(other, one)

const figuresOf = ({ fact }: Counted) => [fact.numerator, fact.denominator, fact.denominator - fact.numerator]
const anySmall = (counts: number[]) => counts.some((count) => isSmall(count, threshold))
const nestedPairs = (facts: Counted[]) =>
  facts.flatMap((whole) =>
    facts
      .filter((part) => part !== whole && isNestedIn(part.fact.selection, whole.fact.selection))
      .map((part) => ({ whole, part })),
  )

/** Up to three pairwise disjoint facts whose ratings are exactly `remainder`. */
function findCover(
  remainder: Set<number>,
  candidates: Counted[],
  chosen: Counted[] = [],
  from = 0,
): Counted[] | undefined {
  const covered = chosen.reduce((sum, candidate) => sum + candidate.ids.size, 0)
  if (chosen.length > 0 && covered === remainder.size) return chosen
  if (chosen.length === 3) return undefined
  for (let index = from; index < candidates.length; index += 1) {
    const next = candidates[index]
    if (next === undefined || covered + next.ids.size > remainder.size) continue
    if (chosen.some((taken) => [...next.ids].some((id) => taken.ids.has(id)))) continue
    const cover = findCover(remainder, candidates, [...chosen, next], index + 1)
    if (cover) return cover
  }
  return undefined
}

/**
 * Every withheld fact B that a shown A gives back, as A less up to three shown facts inside A that
 * hold the rest of A's ratings exactly, or as A itself when B holds all of them.
 */
function findRecoveries(facts: Counted[], withheld: Set<string>): string[] {
  const shown = (counted: Counted) => !withheld.has(counted.fact.key)
  return nestedPairs(facts)
    .filter(({ whole, part }) => shown(whole) && !shown(part))
    .flatMap(({ whole, part }) => {
      const remainder = new Set([...whole.ids].filter((id) => !part.ids.has(id)))
      const candidates = facts.filter(
        (other) =>
          other !== whole &&
          other !== part &&
          shown(other) &&
          isNestedIn(other.fact.selection, whole.fact.selection) &&
          // One defined exactly as A is tells nothing more than A does.
          !isAlike(other.fact.selection, whole.fact.selection) &&
          // Inside A, so outside B means within the rest of A.
          [...other.ids].every((id) => remainder.has(id)),
      )
      const cover = remainder.size === 0 ? [] : findCover(remainder, candidates)
      if (!cover) return []
      // Figures an earlier snapshot showed stay shown, so they may give away a fact new to this one
      // (they were published before it existed); never one that snapshot withheld itself.
      if ([whole, ...cover].every((used) => used.fact.frozen) && !part.fact.frozen) return []
      return [
        `${part.fact.key} = ${whole.fact.key} - ${cover.map((used) => used.fact.key).join(' - ') || 'nothing'}`,
      ]
    })
}

/** Everything shown that tells a small count or gives a withheld fact back, described. */
function findDisclosures(facts: Counted[], withheld: Set<string>): string[] {
  const shown = facts.filter((counted) => !withheld.has(counted.fact.key))
  return [
    ...shown
      .filter((counted) => anySmall(figuresOf(counted)))
      .map((counted) => `${counted.fact.key} is small`),
    ...nestedPairs(shown)
      .filter(({ whole, part }) =>
        anySmall(figuresOf(whole).map((count, index) => count - (figuresOf(part)[index] ?? 0))),
      )
      .map(({ whole, part }) => `${whole.fact.key} - ${part.fact.key} is small`),
    ...findRecoveries(facts, withheld),
  ]
}

/** The facts as published before: the earlier ones alone, withheld as they were then. */
function freezeEarlier(facts: Counted[]): Counted[] {
  const earlier = facts.filter((counted) => counted.earlier)
  const withheldThen = withholdDisclosive(
    earlier.map((counted) => counted.fact),
    threshold,
  )
  return facts.map((counted) =>
    counted.earlier
      ? { ...counted, fact: { ...counted.fact, frozen: { suppressed: withheldThen.has(counted.fact.key) } } }
      : counted,
  )
}

const administrative: DisclosureFact = { key: 'plans-issued', selection: null, numerator: 3, denominator: 4 }

describe('withholdDisclosive, against the ratings', () => {
  it('shows no small figure, no small difference and nothing recoverable', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const facts = countFacts(generated)
        const withheld = withholdDisclosive(
          [...facts.map((counted) => counted.fact), administrative],
          threshold,
        )
        expect(findDisclosures(facts, withheld)).toEqual([])
        expect(withheld.has(administrative.key)).toBe(false)
      }),
      runs,
    )
  })

  it('keeps an earlier snapshot as it was and still gives nothing new away', () => {
    fc.assert(
      fc.property(caseArbitrary, (generated) => {
        const facts = freezeEarlier(countFacts(generated))
        const withheld = withholdDisclosive(
          facts.map((counted) => counted.fact),
          threshold,
        )
        expect(findDisclosures(facts, withheld)).toEqual([])
        for (const { fact } of facts)
          if (fact.frozen) expect(withheld.has(fact.key)).toBe(fact.frozen.suppressed)
      }),
      runs,
    )
  })

  it('would catch withholding small figures alone, so the checks above have work to do', () => {
    const primaryOnly = (facts: Counted[]) =>
      new Set(facts.filter((counted) => anySmall(figuresOf(counted))).map((counted) => counted.fact.key))
    const caught = fc
      .sample(caseArbitrary, { seed: runs.seed, numRuns: runs.numRuns })
      .map(countFacts)
      .filter((facts) => findDisclosures(facts, primaryOnly(facts)).length > 0)
    expect(caught.length).toBeGreaterThan(runs.numRuns / 10)
  })
})
