import fc from 'fast-check'
import type { Database } from '../../server/db/database'
import { createTranslator, type Translate } from '../../server/i18n/translator'
import { paths } from '../../server/paths'
import { isSmall } from '../../server/statistics/threshold'
import { listFacts } from '../../server/scorecards/store/factQueries'
import { startFrameworkFromTemplate } from '../../server/scorecards/store/frameworkTemplate'
import { insertIndicator, listIndicators } from '../../server/scorecards/store/indicatorQueries'
import { loadScorecard } from '../../server/scorecards/store/loadScorecard'
import { monthsOf, parsePeriod, periodContaining } from '../../server/scorecards/model/periods'
import { publishScorecard } from '../../server/scorecards/store/publishing'
import { recomputeFacts } from '../../server/scorecards/store/recomputeFacts'
import { findSnapshot } from '../../server/scorecards/store/snapshotQueries'
import type {
  Frequency,
  Period,
  Scorecard,
  ShownFact,
  SurveyCounting,
} from '../../server/scorecards/model/types'
import { parseCsv } from '../exports/parseCsv'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { importanceQuestions } from '../helpers/scorecards'
import { insertResponses, type PlannedResponse } from '../helpers/insertResponses'
import { addOfficer, signedInAgent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'

/**
 * Publishing two quarters one after the other, with late responses in between, checked against
 * the stored counts: (a) no small count is ever published, (b) no small count comes back by
 * subtracting published figures from one another, and (c) a published period never changes.
 */

const threshold = 10
// Each run works on the database, so a failure is reported as found rather than shrunk: the
// message names the figures and the facts involved.
const runs = { seed: 20261201, numRuns: 100, endOnFailure: true }
const importance = importanceQuestions
const ageGroups = ['5-7', '8-11', '12-15', '16-18', '19-25'] as const
const helpers = ['no', 'parent-carer', 'school', 'someone-else'] as const
/** Ended quarters: the second quarter published, the one after, has ended too. */
const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1'] as const

let database: TestDatabase
let testApp: TestApp
let t: Translate

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  t = (await createTranslator())('en')
})
afterAll(() => database.drop())

/** Mostly the first value, so the others make small groups. */
const skewed = <T>(values: readonly T[]) =>
  fc.oneof({ arbitrary: fc.constant(values[0] as T), weight: 3 }, fc.constantFrom(...values))

const responseArbitrary = fc.record({
  /** 0: five months before the first quarter; 10: the last month of the quarter after it. */
  month: fc.oneof(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 0, max: 10 })),
  day: fc.integer({ min: 1, max: 28 }),
  ratings: fc.tuple(
    ...importance.map(() =>
      fc.option(
        fc.oneof(
          { arbitrary: fc.constant('very-important'), weight: 4 },
          { arbitrary: fc.constant('important'), weight: 3 },
          { arbitrary: fc.constant('not-important'), weight: 2 },
          { arbitrary: fc.constant('dont-know'), weight: 1 },
        ),
        { freq: 8 },
      ),
    ),
  ),
  ageGroup: fc.option(skewed(['12-15', ...ageGroups]), { freq: 6 }),
  helper: skewed(helpers),
})
type DrawnResponse = typeof responseArbitrary extends fc.Arbitrary<infer R> ? R : never

/** Whole and parts turn up often: all six questions, one of them, or a few. */
const questionsArbitrary = fc.oneof(
  fc.constant([...importance]),
  fc.constantFrom(...importance.map((question) => [question])),
  fc.subarray([...importance], { minLength: 1 }),
)

const templateCounting = { positive: ['very-important'], excluded: ['dont-know'] }

const extraIndicatorArbitrary = fc.record({
  questions: questionsArbitrary,
  /** Everyone most often, so that breakdowns by period of a template indicator are common. */
  aboutYou: fc.oneof(
    { arbitrary: fc.constant({}), weight: 3 },
    // Mostly the age group most respondents are in, so everyone less that group is often small.
    { arbitrary: fc.record({ 'age-group': skewed(['12-15', ...ageGroups]) }), weight: 2 },
    { arbitrary: fc.record({ helper: fc.constantFrom(...helpers) }), weight: 1 },
    {
      arbitrary: fc.record({
        'age-group': fc.constantFrom(...ageGroups),
        helper: fc.constantFrom(...helpers),
      }),
      weight: 1,
    },
  ),
  frequency: fc.constantFrom<Frequency>('monthly', 'quarterly', 'annual'),
  /** Mostly counted as the template counts, so the extra facts nest among the template's. */
  counting: fc.oneof(
    { arbitrary: fc.constant(templateCounting), weight: 4 },
    fc.constant({ positive: ['very-important', 'important'], excluded: ['dont-know'] }),
  ),
  /** Added between the two snapshots: its facts for periods already published are new. */
  afterFirst: fc.boolean(),
})

/**
 * A template indicator month by month, added after the first snapshot: its months add up to a
 * quarter already published, so withholding one month must not leave the others to give it away.
 */
const breakdownArbitrary = fc.record({
  questions: fc.oneof(
    fc.constant([...importance]),
    fc.constantFrom(...importance.map((question) => [question])),
  ),
  aboutYou: fc.constant({}),
  frequency: fc.constant<Frequency>('monthly'),
  counting: fc.constant(templateCounting),
  afterFirst: fc.constant(true),
})

const caseArbitrary = fc.record({
  quarter: fc.constantFrom(...quarters),
  first: fc.array(responseArbitrary, { minLength: 60, maxLength: 400, size: 'max' }),
  late: fc.array(responseArbitrary, { minLength: 1, maxLength: 80, size: 'max' }),
  /** Late responses only in the second quarter, so the first quarter's counts stay as they were. */
  lateOnlyInNextQuarter: fc.oneof(
    { arbitrary: fc.constant(true), weight: 2 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  extra: fc
    .tuple(fc.array(extraIndicatorArbitrary, { maxLength: 4 }), fc.option(breakdownArbitrary, { freq: 2 }))
    .map(([extra, breakdown]) => (breakdown ? [...extra, breakdown] : extra)),
})
type Case = typeof caseArbitrary extends fc.Arbitrary<infer C> ? C : never

/** Responses from five months before the first quarter to the end of the quarter after it. */
function plannedResponses(drawn: DrawnResponse[], first: Period): PlannedResponse[] {
  const [year = 2025, month = 1] = first.start.split('-').map(Number)
  return drawn.map((response) => {
    const answers: Record<string, unknown> = { 'life-better': null, helper: response.helper }
    importance.forEach((question, index) => {
      answers[question] = response.ratings[index] ?? null
    })
    answers['age-group'] = response.ageGroup
    const day = new Date(Date.UTC(year, month - 1 - 5 + response.month, response.day, 12))
    return { answers, submittedAt: day }
  })
}

/** A figure as a snapshot published it, with what its definition says it counts. */
interface Published {
  key: string
  snapshot: number
  family: string
  questions: Set<string>
  months: Set<string>
  aboutYou: Record<string, string>
  language: string | undefined
  fact: ShownFact
}

const within = (part: Set<string>, whole: Set<string>) => [...part].every((value) => whole.has(value))
const overlaps = (left: Set<string>, right: Set<string>) => [...left].some((value) => right.has(value))

/** Every rating `part` counts, `whole` counts too, by their definitions alone. */
const isNestedIn = (part: Published, whole: Published) =>
  part.family === whole.family &&
  within(part.questions, whole.questions) &&
  within(part.months, whole.months) &&
  Object.entries(whole.aboutYou).every(([question, answer]) => part.aboutYou[question] === answer) &&
  (whole.language === undefined || whole.language === part.language)

/** No rating can be counted by both, by their definitions alone. */
const areDisjoint = (left: Published, right: Published) =>
  !overlaps(left.questions, right.questions) ||
  !overlaps(left.months, right.months) ||
  Object.entries(left.aboutYou).some(
    ([question, answer]) => question in right.aboutYou && right.aboutYou[question] !== answer,
  ) ||
  (left.language !== undefined && right.language !== undefined && left.language !== right.language)

const definitionOf = (fact: Published) =>
  JSON.stringify([
    fact.family,
    [...fact.questions].sort(),
    [...fact.months].sort(),
    Object.entries(fact.aboutYou).sort(),
    fact.language ?? null,
  ])

function publishedFacts(scorecard: Scorecard, snapshot: number): Published[] {
  return scorecard.groups.flatMap((group) =>
    group.rows.flatMap(({ indicator, history }) => {
      const counting: SurveyCounting | undefined = indicator.survey?.counting
      if (!counting) return []
      return history.map((fact) => {
        const period = parsePeriod(indicator.frequency, fact.period)
        return {
          key: `${indicator.id}/${fact.period}`,
          snapshot,
          family: JSON.stringify([[...counting.positive].sort(), [...counting.excluded].sort()]),
          questions: new Set(counting.questions),
          months: new Set(period ? monthsOf(period) : []),
          aboutYou: counting.aboutYou,
          language: counting.language,
          fact,
        }
      })
    }),
  )
}

const smallFigures = (numerator: number | null, denominator: number | null): number[] =>
  [
    numerator,
    denominator,
    numerator !== null && denominator !== null ? denominator - numerator : null,
  ].filter((count): count is number => count !== null && isSmall(count, threshold))

/** How often each property had something to check, over all runs, so none passes by having nothing to do. */
const exercised = {
  withheld: 0,
  containing: 0,
  partsSubtracted: 0,
  workedOut: 0,
  differences: 0,
  remainders: 0,
  frozenWithLateResponses: 0,
  csvFigures: 0,
}

const isShown = (fact: Published) => !fact.fact.suppressed && fact.fact.numerator !== null

/**
 * The shown facts nested in `whole` (one of each definition, none defined like `whole`) that pass
 * `keep`, and the largest of them when there are two or more and no two overlap: those a reader
 * would subtract from `whole` all at once.
 */
function partsOf(whole: Published, known: Published[], keep: (part: Published) => boolean) {
  const byDefinition = new Map<string, Published>()
  for (const part of known)
    if (isShown(part) && part !== whole && isNestedIn(part, whole) && keep(part))
      byDefinition.set(definitionOf(part), part)
  byDefinition.delete(definitionOf(whole))
  const parts = [...byDefinition.values()]
  const largest = parts.filter(
    (part) => !parts.some((other) => other !== part && isNestedIn(part, other) && !isNestedIn(other, part)),
  )
  const apart = largest.every((left) => largest.every((right) => left === right || areDisjoint(left, right)))
  return { parts, largest: largest.length > 1 && apart ? largest : undefined }
}

const less = (whole: Published, parts: Published[]) => ({
  numerator: (whole.fact.numerator ?? 0) - parts.reduce((sum, part) => sum + (part.fact.numerator ?? 0), 0),
  denominator:
    (whole.fact.denominator ?? 0) - parts.reduce((sum, part) => sum + (part.fact.denominator ?? 0), 0),
})

/**
 * (b) For a withheld B and a shown A whose counting holds B's, a reader knows A and every shown
 * fact C nested in A that shares no rating with B. Subtracting nothing, any one C, or all the
 * largest Cs at once, must not leave B's true counts; the ways that do are returned.
 */
function recoveries(
  withheld: Published,
  truth: { numerator: number; denominator: number },
  known: Published[],
): string[] {
  const found: string[] = []
  for (const whole of known) {
    if (!isShown(whole) || whole.key === withheld.key || !isNestedIn(withheld, whole)) continue
    exercised.containing += 1
    const { parts, largest } = partsOf(whole, known, (part) => areDisjoint(part, withheld))
    for (const subtracted of [[], ...parts.map((part) => [part]), ...(largest ? [largest] : [])]) {
      if (subtracted.length > 0) exercised.partsSubtracted += 1
      const left = less(whole, subtracted)
      if (left.numerator === truth.numerator && left.denominator === truth.denominator)
        found.push(
          `${withheld.key} (${truth.numerator}/${truth.denominator}) = ${whole.key} (snapshot ${whole.snapshot + 1})` +
            subtracted.map((part) => ` - ${part.key}`).join(''),
        )
    }
  }
  return found
}

/**
 * (b) over and over: each withheld figure worked out joins what the reader knows, until nothing
 * more comes out. A figure worked out with nothing small in it gives no one away (it is withheld
 * only to protect another, or is public already, say as the sum of two published figures); those
 * worked out with a small count in them are returned.
 */
function disclosedByWorkingOut(
  withheld: { fact: Published; truth: { numerator: number; denominator: number } }[],
  known: Published[],
): string[] {
  const disclosed: string[] = []
  let pending = withheld
  for (let progress = true; progress;) {
    progress = false
    const still: typeof pending = []
    for (const each of pending) {
      const [found] = recoveries(each.fact, each.truth, known)
      if (found === undefined) {
        still.push(each)
        continue
      }
      progress = true
      if (smallFigures(each.truth.numerator, each.truth.denominator).length > 0) disclosed.push(found)
      else exercised.workedOut += 1
      known.push({ ...each.fact, fact: { ...each.fact.fact, ...each.truth, suppressed: false } })
    }
    pending = still
  }
  return disclosed
}

/**
 * Known figures, shown or worked out, that leave a small count when one nested in them, or all the
 * largest nested in them at once, is subtracted (a count no fact names: "everyone but 12-15").
 */
function smallRemainders(known: Published[]): string[] {
  const found: string[] = []
  for (const whole of known.filter(isShown)) {
    const { parts, largest } = partsOf(whole, known, () => true)
    for (const subtracted of [...parts.map((part) => [part]), ...(largest ? [largest] : [])]) {
      if (subtracted.length === 1) exercised.differences += 1
      else exercised.remainders += 1
      const left = less(whole, subtracted)
      const small = smallFigures(left.numerator, left.denominator)
      if (small.length > 0)
        found.push(
          `${whole.key}${subtracted.map((part) => ` - ${part.key}`).join('')} leaves ${small.join(', ')}`,
        )
    }
  }
  return found
}

async function downloadedCsv(agent: Awaited<ReturnType<typeof signedInAgent>>, quarter: string) {
  const response = await agent.get(`${paths.manage.scorecardDownload('scorecard.csv')}?period=${quarter}`)
  expect(response.status).toBe(200)
  const [headings = [], ...records] = parseCsv(response.text.slice(1))
  const column = (heading: string) => headings.indexOf(heading)
  const [n, numerator, denominator] = ['n', 'Numerator', 'Denominator'].map(column)
  const number = (record: string[], index: number | undefined) =>
    index === undefined || record[index] === '' || record[index] === undefined ? null : Number(record[index])
  return records.map((record) => ({
    n: number(record, n),
    numerator: number(record, numerator),
    denominator: number(record, denominator),
  }))
}

/** A scorecard's groups as a snapshot keeps them: survey ids are never published. */
const withoutSurveyIds = (groups: Scorecard['groups']) =>
  groups.map((group) => ({
    ...group,
    rows: group.rows.map((row) => ({
      ...row,
      indicator: {
        ...row.indicator,
        ...(row.indicator.survey ? { survey: { ...row.indicator.survey, id: '' } } : {}),
      },
    })),
  }))

type ExtraIndicator = Case['extra'][number]

/** An indicator an officer adds on top of the template: numbered 7.2, 7.3 ... across all outcomes. */
async function insertExtra(
  db: Database,
  survey: { organisationId: string; surveyId: string },
  index: number,
  extra: ExtraIndicator,
): Promise<void> {
  const added = await insertIndicator(db, survey.organisationId, {
    outcomeId: null,
    number: `7.${index + 2}`,
    wording: `Extra indicator ${index + 2}`,
    kind: 'survey',
    unit: 'percentage',
    goodIs: 'up',
    frequency: extra.frequency,
    source: 'Survey: What I need',
    dataOwner: 'Participation team',
    baseline: null,
    amberTolerance: 5,
    surveyId: survey.surveyId,
    counting: {
      questions: [...extra.questions],
      positive: [...extra.counting.positive],
      excluded: [...extra.counting.excluded],
      aboutYou: { ...extra.aboutYou },
    },
  })
  if (!added) throw new Error(`Indicator 7.${index + 2} was not added`)
}

async function checkCase(db: Database, drawn: Case): Promise<void> {
  const organisation = await insertOrganisation(db)
  const { surveyId } = await insertSurvey(db, { organisationId: organisation.id, template: 'what-i-need' })
  await startFrameworkFromTemplate(db, {
    organisationId: organisation.id,
    frameworkId: 'i-need',
    t,
    language: 'en',
  })
  const first = parsePeriod('quarterly', drawn.quarter)
  if (!first) throw new Error(`Not a quarter: ${drawn.quarter}`)
  const dayAfter = new Date(Date.parse(`${first.end}T12:00:00Z`) + 24 * 60 * 60 * 1000)
  const next = periodContaining('quarterly', dayAfter.toISOString().slice(0, 10))
  const survey = { organisationId: organisation.id, surveyId }
  await insertResponses(db, survey, plannedResponses(drawn.first, first))
  const addExtras = async (afterFirst: boolean) => {
    for (const [index, extra] of drawn.extra.entries())
      if (extra.afterFirst === afterFirst)
        await insertExtra(db, { organisationId: organisation.id, surveyId }, index, extra)
  }
  await addExtras(false)

  const officer = await addOfficer(db, organisation.id, 'admin')
  const agent = await signedInAgent(testApp.app, db, officer)
  const scorecardOrganisation = {
    id: organisation.id,
    name: `Council ${organisation.slug}`,
    slug: organisation.slug,
    smallNumberThreshold: threshold,
  }
  const truths: Map<string, { numerator: number; denominator: number }>[] = []
  const snapshots: Scorecard[] = []
  for (const [index, quarter] of [first, next].entries()) {
    if (index === 1) {
      await addExtras(true)
      const late = drawn.late.map((response) =>
        drawn.lateOnlyInNextQuarter ? { ...response, month: 8 + (response.month % 3) } : response,
      )
      await insertResponses(db, survey, plannedResponses(late, first))
    }
    await recomputeFacts(db, organisation.id)
    const built = await loadScorecard(db, scorecardOrganisation, quarter)
    const asked = { organisation: scorecardOrganisation, asAt: quarter, officer }
    expect(await publishScorecard(db, asked)).toBe(true)
    // Publishing recalculates first, so the stored facts are the true counts it published from.
    truths.push(
      new Map(
        (await listFacts(db, organisation.id)).facts.map((fact) => [
          `${fact.indicatorId}/${fact.period}`,
          { numerator: fact.numerator ?? 0, denominator: fact.denominator ?? 0 },
        ]),
      ),
    )
    const snapshot = await findSnapshot(db, organisation.id, quarter.key)
    if (!snapshot) throw new Error(`${quarter.key} was not published`)
    // What an officer saw just before publishing is what was published, less the survey's id.
    expect(snapshot.content.groups).toEqual(withoutSurveyIds(built.groups))
    snapshots.push(snapshot.content)
  }
  expect((await listIndicators(db, organisation.id)).length).toBe(7 + drawn.extra.length)

  // (a) No count from 1 to 9 in any published figure, nor in the download of either quarter.
  for (const [index, content] of snapshots.entries())
    for (const published of publishedFacts(content, index))
      expect([published.key, smallFigures(published.fact.numerator, published.fact.denominator)]).toEqual([
        published.key,
        [],
      ])
  for (const quarter of [first, next])
    for (const line of await downloadedCsv(agent, quarter.key)) {
      if (line.denominator !== null) exercised.csvFigures += 1
      expect([line, smallFigures(line.numerator, line.denominator), smallFigures(null, line.n)]).toEqual([
        line,
        [],
        [],
      ])
    }

  // (b) No small count comes back from the shown figures of its own or an earlier snapshot.
  const known: Published[] = []
  for (const [index, content] of snapshots.entries()) {
    const facts = publishedFacts(content, index)
    const seen = new Set(known.map((fact) => fact.key))
    known.push(...facts.filter((fact) => !seen.has(fact.key)))
    const withheld = facts.flatMap((fact) => {
      const truth = truths[index]?.get(fact.key)
      // Withheld with nobody counted: there is no figure to give away.
      return fact.fact.suppressed && truth && truth.denominator > 0 ? [{ fact, truth }] : []
    })
    exercised.withheld += withheld.length
    expect(disclosedByWorkingOut(withheld, known)).toEqual([])
    expect(smallRemainders(known)).toEqual([])
  }

  // (c) Every figure the first snapshot published is published again unchanged in the second.
  const firstFigures = new Map(
    publishedFacts(snapshots[0] as Scorecard, 0).map((each) => [each.key, each.fact]),
  )
  for (const again of publishedFacts(snapshots[1] as Scorecard, 1)) {
    const before = firstFigures.get(again.key)
    if (!before || (!before.suppressed && before.value === null)) continue
    expect([again.key, again.fact]).toEqual([again.key, before])
    const [then, now] = truths.map((truth) => truth.get(again.key))
    if (then && now && (then.numerator !== now.numerator || then.denominator !== now.denominator))
      exercised.frozenWithLateResponses += 1
  }
}

describe('published scorecards, two quarters with late responses in between', () => {
  it('never publish a small count, never let one be worked out, never change a published period', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, (drawn) => checkCase(database.db, drawn)),
      runs,
    )
    // Each property had plenty to weigh across the runs.
    expect(exercised.withheld).toBeGreaterThan(1000)
    expect(exercised.containing).toBeGreaterThan(500)
    expect(exercised.partsSubtracted).toBeGreaterThan(100)
    expect(exercised.differences).toBeGreaterThan(500)
    expect(exercised.remainders).toBeGreaterThan(50)
    expect(exercised.frozenWithLateResponses).toBeGreaterThan(100)
    expect(exercised.csvFigures).toBeGreaterThan(1000)
  }, 240_000)
})
