import { withholdDisclosive, type DisclosureFact } from '../../server/scorecards/model/disclosure'
import type { FactSelection } from '../../server/scorecards/model/types'

const importance = ['help-at-school', 'help-at-home', 'friends', 'health', 'getting-about', 'being-heard']
const quarter = ['2026-01', '2026-02', '2026-03']
const year = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].concat([
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
])

/** The overall headline's counting over the first quarter, unless changed. */
const selectionOf = (changes: Partial<FactSelection> = {}): FactSelection => ({
  surveyId: 'young-people-2026',
  questions: importance,
  positive: ['very-important'],
  excluded: ['dont-know'],
  aboutYou: {},
  months: quarter,
  ...changes,
})

const fact = (
  key: string,
  counts: [number, number],
  changes: Partial<FactSelection> = {},
): DisclosureFact => ({
  key,
  selection: selectionOf(changes),
  numerator: counts[0],
  denominator: counts[1],
})

const frozen = (shown: DisclosureFact, suppressed: boolean): DisclosureFact => ({
  ...shown,
  frozen: { suppressed },
})

const withheld = (...facts: DisclosureFact[]) => [...withholdDisclosive(facts, 10)].sort()

describe('withholdDisclosive', () => {
  describe('primary', () => {
    it('withholds a small numerator', () => {
      expect(withheld(fact('a', [4, 40]))).toEqual(['a'])
    })

    it('withholds a small denominator', () => {
      expect(withheld(fact('a', [0, 7]))).toEqual(['a'])
    })

    it('withholds a small complement: 36 of 40 positive leaves 4 who were not', () => {
      expect(withheld(fact('a', [36, 40]))).toEqual(['a'])
    })

    it('shows zero: nobody counted, nobody positive, or everybody positive', () => {
      expect(withheld(fact('none', [0, 0]), fact('nobody', [0, 25]), fact('everybody', [25, 25]))).toEqual([])
    })

    it('applies the threshold set, never below 5', () => {
      expect([...withholdDisclosive([fact('a', [11, 30])], 12)]).toEqual(['a'])
      expect([...withholdDisclosive([fact('a', [6, 30])], 3)]).toEqual([])
    })
  })

  it('withholds the overall headline when one question is withheld and the other five are shown', () => {
    const questions = importance.map((question, index) =>
      fact(question, index === 0 ? [5, 12] : [12, 24], { questions: [question] }),
    )
    // 65 of 132 in all: five shown questions make 60 of 120, so the headline would give back 5 of 12.
    expect(withheld(fact('headline', [65, 132]), ...questions)).toEqual(['headline', 'help-at-school'])
  })

  it('withholds an age group whose difference from everyone is small', () => {
    const everyone = fact('everyone', [30, 50])
    const olderChildren = fact('12-15', [25, 45], { aboutYou: { 'age-group': '12-15' } })
    expect(withheld(everyone, olderChildren)).toEqual(['12-15'])
  })

  it('withholds a language that differs from every language by a small count', () => {
    expect(withheld(fact('all', [30, 50]), fact('welsh', [30, 44], { language: 'cy' }))).toEqual(['welsh'])
  })

  it('withholds an annual figure when three quarters are shown and one is withheld', () => {
    const quarters = [0, 3, 6, 9].map((first, index) =>
      fact(`Q${index + 1}`, index === 2 ? [3, 8] : [20, 40], { months: year.slice(first, first + 3) }),
    )
    expect(withheld(fact('annual', [63, 128], { months: year }), ...quarters)).toEqual(['Q3', 'annual'])
  })

  it('shows a whole holding a withheld part when nothing else shown lies inside it', () => {
    const twin = fact('twin', [65, 112])
    expect(
      withheld(fact('headline', [65, 112]), twin, fact('friends', [5, 12], { questions: ['friends'] })),
    ).toEqual(['friends'])
  })

  it('withholds a fact whose figures equal those of a withheld fact inside it', () => {
    // Every 12-15 response came in the first quarter, so the year shows the quarter's figures.
    const olderChildren = { aboutYou: { 'age-group': '12-15' } }
    const everyoneThisQuarter = fact('everyone', [30, 50])
    const olderThisQuarter = fact('12-15 quarter', [25, 45], olderChildren)
    const olderThisYear = fact('12-15 year', [25, 45], { ...olderChildren, months: year })
    expect(withheld(everyoneThisQuarter, olderThisQuarter, olderThisYear)).toEqual([
      '12-15 quarter',
      '12-15 year',
    ])
  })

  it('never compares facts counted another way', () => {
    const veryOrQuite = fact('very or quite', [30, 50], { positive: ['very-important', 'quite-important'] })
    const otherSurvey = fact('parents', [25, 45], { surveyId: 'parents-2026' })
    expect(withheld(fact('very', [25, 45]), veryOrQuite, otherSurvey)).toEqual([])
  })

  describe('frozen facts', () => {
    it('keep their state whatever their figures', () => {
      expect(
        withheld(frozen(fact('shown', [4, 40]), false), frozen(fact('withheld', [20, 40]), true)),
      ).toEqual(['withheld'])
    })

    it('withhold the whole instead when a frozen part differs from it by a small count', () => {
      const lastQuarter = frozen(fact('Q1', [30, 50]), false)
      expect(withheld(lastQuarter, fact('annual', [35, 55], { months: year }))).toEqual(['annual'])
    })

    it('withhold the new parts instead when a frozen whole holds a withheld one', () => {
      const headline = frozen(fact('headline', [65, 132]), false)
      const helpAtHome = frozen(fact('help-at-home', [12, 24], { questions: ['help-at-home'] }), false)
      const questions = importance
        .filter((question) => question !== 'help-at-home')
        .map((question, index) => fact(question, index === 0 ? [5, 12] : [12, 24], { questions: [question] }))
      expect(withheld(headline, helpAtHome, ...questions)).toEqual(
        importance.filter((question) => question !== 'help-at-home').sort(),
      )
    })

    it('count as withheld parts when frozen withheld', () => {
      const friends = frozen(fact('friends', [20, 40], { questions: ['friends'] }), true)
      const health = fact('health', [20, 40], { questions: ['health'] })
      expect(withheld(fact('headline', [65, 112]), friends, health)).toEqual(['friends', 'headline'])
    })
  })

  it('never withholds administrative figures', () => {
    const administrative = (key: string, value: number | null): DisclosureFact => ({
      key,
      selection: null,
      numerator: value,
      denominator: value,
    })
    expect(withheld(administrative('waiting weeks', 3), administrative('plans issued', null))).toEqual([])
  })

  it('refuses two facts with one key', () => {
    expect(() => withholdDisclosive([fact('a', [20, 40]), fact('a', [20, 40])], 10)).toThrow('key of its own')
  })
})
