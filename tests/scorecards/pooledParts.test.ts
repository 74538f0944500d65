import { buildScorecard, type ScorecardInput } from '../../server/scorecards/model/buildScorecard'
import { parsePeriod } from '../../server/scorecards/model/periods'
import type { Indicator, IndicatorFact, PartFact } from '../../server/scorecards/model/types'

const quarter = parsePeriod('quarterly', '2026-Q3')
if (!quarter) throw new Error('2026-Q3 is a quarter')

const indicator = (number: string, questions: string[]): Indicator => ({
  id: `indicator-${number}`,
  outcomeId: null,
  number,
  wording: `Indicator ${number}`,
  kind: 'survey',
  unit: 'percentage',
  goodIs: 'up',
  frequency: 'quarterly',
  source: 'Survey',
  dataOwner: 'Officer',
  baseline: null,
  amberTolerance: 5,
  targets: [],
  survey: {
    id: 'survey',
    slug: 'what-i-need',
    counting: { questions, positive: ['very-important'], excluded: ['dont-know'], aboutYou: {} },
  },
})

const fact = (id: string, numerator: number, denominator: number): IndicatorFact => ({
  indicatorId: id,
  period: '2026-Q3',
  numerator,
  denominator,
  value: (100 * numerator) / denominator,
})

/*
 * 1.3 pools school, home and health; 1.1 shows school and 1.2 home on their own. Health has no
 * indicator of its own, so only its part (kept with the facts, never shown) says what 1.3 minus
 * 1.1 minus 1.2 would give away: 30 - 11 - 10 = 9 of 81 - 27 - 25 = 29.
 */
function scorecardWithHealth(health: { numerator: number; denominator: number }) {
  const pooled = indicator('1.3', ['school', 'home', 'health'])
  const parts: PartFact[] = [
    { ...fact(pooled.id, 11, 27), questionId: 'school' },
    { ...fact(pooled.id, 10, 25), questionId: 'home' },
    { ...fact(pooled.id, health.numerator, health.denominator), questionId: 'health' },
  ]
  const input: ScorecardInput = {
    organisation: { name: 'Council', slug: 'council' },
    asAt: quarter as NonNullable<typeof quarter>,
    today: '2026-12-01',
    threshold: 10,
    outcomes: [],
    indicators: [indicator('1.1', ['school']), indicator('1.2', ['home']), pooled],
    facts: [
      fact('indicator-1.1', 11, 27),
      fact('indicator-1.2', 10, 25),
      fact(pooled.id, 21 + health.numerator, 52 + health.denominator),
    ],
    parts,
    published: new Map(),
    commentary: new Map(),
    youSaidWeDid: [],
    computedAt: null,
    references: [],
    translations: [],
  }
  const rows = buildScorecard(input).groups.flatMap((group) => group.rows)
  return new Map(rows.map((row) => [row.indicator.number, row.current]))
}

describe('pooled indicators and their parts', () => {
  it('withholds a pooled figure whose small part would be its total minus the other questions shown', () => {
    const shown = scorecardWithHealth({ numerator: 9, denominator: 29 })
    expect(shown.get('1.1')).toMatchObject({ numerator: 11, denominator: 27, suppressed: false })
    expect(shown.get('1.2')).toMatchObject({ numerator: 10, denominator: 25, suppressed: false })
    expect(shown.get('1.3')).toMatchObject({ numerator: null, denominator: null, suppressed: true })
  })

  it('shows the pooled figure when what it would give away is not small', () => {
    const shown = scorecardWithHealth({ numerator: 12, denominator: 29 })
    expect(shown.get('1.3')).toMatchObject({ numerator: 33, denominator: 81, suppressed: false })
  })

  it('never shows a part as a figure of its own', () => {
    const shown = scorecardWithHealth({ numerator: 12, denominator: 29 })
    expect([...shown.keys()].sort()).toEqual(['1.1', '1.2', '1.3'])
  })
})
