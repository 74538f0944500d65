import { paths } from '../../server/paths'
import { periodsEndingWith, previousPeriod } from '../../server/scorecards/model/periods'
import { chosenPeriod } from '../../server/scorecards/model/scorecardPeriods'
import type { Period } from '../../server/scorecards/model/types'
import { parseCsv } from '../exports/parseCsv'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { workQueuedRuns } from '../helpers/scorecardRuns'

/**
 * A planned set of "What I need" responses, entered through the respondent forms, and the
 * scorecard an admin builds from them through the officer forms: every figure on the outcome pages
 * and in the CSV download is checked against a table worked out by hand below.
 */

const heard = useSurveyApp(['what-i-need'])

const V = 'very-important'
const I = 'important'
const N = 'not-important'
const D = 'dont-know'

/** A column of answers, one per respondent in order: [answer, how many] runs. */
const column = (...runs: [string, number][]): string[] =>
  runs.flatMap(([answer, count]) => Array.from({ length: count }, () => answer))

interface Batch {
  size: number
  columns: Record<string, string[]>
}

/**
 * Last quarter: 26 young people. The first 16 are aged 12-15 and all said "very important" to
 * being listened to; the other 10 said important (7) or not important (3).
 *
 *   question          V   I   N   D   numerator  denominator (V+I+N)  complement (I+N)
 *   listened-to      16   7   3   0      16          26                   10
 *     aged 12-15     16   0   0   0      16          16                    0
 *   healthiest       10  12   4   0      10          26                   16
 *   safe             12   6   4   4      12          22                   10
 *   accepted-valued  10  10   0   6      10          20                   10
 *   prepared-future  16  10   0   0      16          26                   10
 *   enjoy-life       26   0   0   0      26          26                    0
 *   all six pooled                       90         146                   56
 */
const lastQuarter: Batch = {
  size: 26,
  columns: {
    'listened-to': column([V, 16], [I, 7], [N, 3]),
    healthiest: column([V, 10], [I, 12], [N, 4]),
    safe: column([V, 12], [I, 6], [N, 4], [D, 4]),
    'accepted-valued': column([V, 10], [I, 10], [D, 6]),
    'prepared-future': column([V, 16], [I, 10]),
    'enjoy-life': column([V, 26]),
    'age-group': column(['12-15', 16], ['8-11', 4], ['16-18', 3], ['19-25', 2], ['prefer-not-to-say', 1]),
    helper: column(['no', 8], ['parent-carer', 10], ['school', 5], ['someone-else', 3]),
  },
}

/**
 * This quarter: 32 young people. The first 25 are aged 12-15: 15 said "very important" to being
 * listened to, 7 important, 3 not important; the other 7 all said "very important".
 *
 *   question          V   I   N   D   numerator  denominator  complement
 *   listened-to      22   7   3   0      22          32           10
 *     aged 12-15     15   7   3   0      15          25           10
 *   healthiest       21   6   4   1      21          31           10
 *   safe             13   3   2  14      13          18            5
 *   accepted-valued  20  10   0   2      20          30           10
 *   prepared-future  10  12  10   0      10          32           22
 *   enjoy-life       28   0   0   4      28          28            0
 *   all six pooled                      114         171           57
 */
const thisQuarter: Batch = {
  size: 32,
  columns: {
    'listened-to': column([V, 15], [I, 7], [N, 3], [V, 7]),
    healthiest: column([V, 21], [I, 6], [N, 4], [D, 1]),
    safe: column([D, 14], [V, 13], [I, 3], [N, 2]),
    'accepted-valued': column([V, 20], [I, 10], [D, 2]),
    'prepared-future': column([I, 12], [V, 10], [N, 10]),
    'enjoy-life': column([V, 28], [D, 4]),
    'age-group': column(['12-15', 25], ['5-7', 2], ['8-11', 2], ['16-18', 2], ['19-25', 1]),
    helper: column(['parent-carer', 12], ['no', 11], ['school', 6], ['someone-else', 3]),
  },
}

const questionOrder = [
  'listened-to',
  'healthiest',
  'safe',
  'accepted-valued',
  'prepared-future',
  'enjoy-life',
  'life-better',
  'age-group',
  'helper',
]

async function submitBatch(batch: Batch): Promise<void> {
  for (let index = 0; index < batch.size; index += 1) {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    expect((await respondent.begin()).status).toBe(303)
    const answers: Record<string, string | undefined> = {}
    for (const question of questionOrder)
      answers[question] =
        question === 'life-better'
          ? index % 5 === 0
            ? 'More clubs after school'
            : undefined
          : batch.columns[question]?.[index]
    await respondent.answerAll(answers)
    expect((await respondent.send()).status).toBe(303)
  }
}

/** A figure as the scorecard should show it, worked out by hand. */
interface Figure {
  numerator: number
  denominator: number
  /** Percentage to one decimal place. */
  value: number
  /** Wilson 95% interval, to one decimal place. */
  lower: number
  upper: number
}
type Cell = Figure | 'withheld'

interface Expected {
  number: string
  outcome: string
  previous: Cell
  current: Cell
  /** RAG in the CSV's short words and the page's long words. */
  rag: [string, string]
  trend: string
  /** Change in percentage points, to one decimal place; null when not comparable. */
  change: number | null
  /** As the page writes it. */
  changeText: string
}

/*
 * The hand-computed scorecard. Threshold 10: a numerator, denominator or complement from 1 to 9
 * is withheld, and so is any figure that, with others shown, would give one away.
 *
 * Percentages: 100 * numerator / denominator.
 *
 * Wilson 95% interval, z = 1.959964, p = numerator / n, a = z^2 / n:
 *   centre = (p + a / 2) / (1 + a),  half = z / (1 + a) * sqrt(p (1 - p) / n + z^2 / 4n^2)
 * bounds 100 (centre -/+ half), with 0 when the numerator is 0 and 100 when it is n.
 *   16/26: a = 0.147748, centre 0.600531, half 0.175183 -> 42.53 to 77.57
 *   16/16: a = 0.240091, centre 0.903196, half 0.096804 -> 80.64 to 100
 *   10/26: a = 0.147748, centre 0.399469, half 0.175183 -> 22.43 to 57.47
 *   12/22: a = 0.174612, centre 0.538698, half 0.192100 -> 34.66 to 73.08
 *   10/20: a = 0.192073, centre 0.500000, half 0.200702 -> 29.93 to 70.07
 *   26/26: a = 0.147748, centre 0.935636 -> lower 87.13, upper 100
 *   90/146: a = 0.026311, centre 0.613453, half 0.077914 -> 53.55 to 69.14
 *   22/32: a = 0.120046, centre 0.667404, half 0.153071 -> 51.43 to 82.05
 *   21/31: a = 0.123918, centre 0.657858, half 0.156448 -> 50.14 to 81.43
 *   20/30: a = 0.128049, centre 0.647748, half 0.159947 -> 48.78 to 80.77
 *   10/32: a = 0.120046, centre 0.332596, half 0.153071 -> 17.95 to 48.57
 *   28/28: a = 0.137195, centre 0.939678 -> lower 87.94, upper 100
 *
 * Withholding this quarter:
 *   3.1 safe: complement 18 - 13 = 5, small.
 *   1.2 (aged 12-15) is nested in 1.1 (everyone): 1.1 - 1.2 = 22 - 15 = 7 positive and 32 - 25 = 7
 *     counted, small, so 1.2 is withheld though its own counts (15, 25, 10) are not small.
 *   7.1 pools all six questions, so holds 3.1 and 1.2 (withheld) and 1.1, 2.1 ... (shown): showing
 *     it (114, 171, 57) would give 3.1 back as 7.1 less the other five, so it is withheld too.
 *   No other difference is small: 7.1 less any one indicator is at least 86 positive, 139 counted
 *     and 35 not positive (less 5.1: 104, 139, 35).
 * Last quarter nothing is small: 1.1 - 1.2 = 0 positive, 10 counted, 10 not positive; 7.1 (90,
 *   146, 56) less any one indicator is at least 64, 120 and 40.
 *
 * Trend, pooled two-proportion test, this quarter (a) against last (b):
 *   pooled = (a.num + b.num) / (a.n + b.n), se = sqrt(pooled (1 - pooled) (1/a.n + 1/b.n)),
 *   z = (a.num/a.n - b.num/b.n) / se, p = erfc(|z| / sqrt 2); significant when p < 0.05.
 *   1.1 22/32 v 16/26: pooled 38/58 = 0.655172, se 0.125496, z = 0.072115 / 0.125496 = 0.5746,
 *       p = 0.566: no real change, +7.2 points (68.75 - 61.54 = 7.21).
 *   2.1 21/31 v 10/26: pooled 31/57 = 0.543860, se 0.132453, z = 0.292804 / 0.132453 = 2.2106,
 *       p = 0.0271: improving, +29.3 (67.74 - 38.46 = 29.28).
 *   4.1 20/30 v 10/20: pooled 0.6, se = sqrt(0.24 * 1/12) = 0.141421, z = 0.166667 / 0.141421 =
 *       1.1785, p = 0.239: no real change, +16.7.
 *   5.1 10/32 v 16/26: pooled 26/58 = 0.448276, se 0.131306, z = -0.302885 / 0.131306 = -2.3067,
 *       p = 0.0211: getting worse, -30.3 (31.25 - 61.54 = -30.29).
 *   6.1 28/28 v 26/26: pooled 1, nothing to test: no real change, change 0.
 *   1.2, 3.1, 7.1: this quarter withheld, nothing to compare with.
 *
 * RAG: 1.1 has a target of 75 and an amber tolerance of 7 (set through the indicator form);
 *   68.8 is 6.2 below: amber. The others have no target.
 */
const listened = 'I need to be listened to and heard.'
const expected: Expected[] = [
  {
    number: '1.1',
    outcome: listened,
    previous: { numerator: 16, denominator: 26, value: 61.5, lower: 42.5, upper: 77.6 },
    current: { numerator: 22, denominator: 32, value: 68.8, lower: 51.4, upper: 82.0 },
    rag: ['Amber', 'Amber: close to target'],
    trend: 'No real change',
    change: 7.2,
    changeText: 'Change: +7.2',
  },
  {
    number: '1.2',
    outcome: listened,
    previous: { numerator: 16, denominator: 16, value: 100.0, lower: 80.6, upper: 100.0 },
    current: 'withheld',
    rag: ['No target', 'No target set'],
    trend: 'Nothing to compare with',
    change: null,
    changeText: '',
  },
  {
    number: '2.1',
    outcome: 'I need to be the healthiest I can be.',
    previous: { numerator: 10, denominator: 26, value: 38.5, lower: 22.4, upper: 57.5 },
    current: { numerator: 21, denominator: 31, value: 67.7, lower: 50.1, upper: 81.4 },
    rag: ['No target', 'No target set'],
    trend: 'Improving',
    change: 29.3,
    changeText: 'Change: +29.3',
  },
  {
    number: '3.1',
    outcome: 'I need to be safe and feel safe.',
    previous: { numerator: 12, denominator: 22, value: 54.5, lower: 34.7, upper: 73.1 },
    current: 'withheld',
    rag: ['No target', 'No target set'],
    trend: 'Nothing to compare with',
    change: null,
    changeText: '',
  },
  {
    number: '4.1',
    outcome: 'I need to be accepted and valued by people I trust.',
    previous: { numerator: 10, denominator: 20, value: 50.0, lower: 29.9, upper: 70.1 },
    current: { numerator: 20, denominator: 30, value: 66.7, lower: 48.8, upper: 80.8 },
    rag: ['No target', 'No target set'],
    trend: 'No real change',
    change: 16.7,
    changeText: 'Change: +16.7',
  },
  {
    number: '5.1',
    outcome: 'I need to be prepared for my future.',
    previous: { numerator: 16, denominator: 26, value: 61.5, lower: 42.5, upper: 77.6 },
    current: { numerator: 10, denominator: 32, value: 31.3, lower: 18.0, upper: 48.6 },
    rag: ['No target', 'No target set'],
    trend: 'Getting worse',
    change: -30.3,
    changeText: 'Change: −30.3',
  },
  {
    number: '6.1',
    outcome: 'I need to enjoy life and have fun.',
    previous: { numerator: 26, denominator: 26, value: 100.0, lower: 87.1, upper: 100.0 },
    current: { numerator: 28, denominator: 28, value: 100.0, lower: 87.9, upper: 100.0 },
    rag: ['No target', 'No target set'],
    trend: 'No real change',
    change: 0,
    changeText: 'Change: 0.0',
  },
  {
    number: '7.1',
    outcome: 'Across all outcomes',
    previous: { numerator: 90, denominator: 146, value: 61.6, lower: 53.6, upper: 69.1 },
    current: 'withheld',
    rag: ['No target', 'No target set'],
    trend: 'Nothing to compare with',
    change: null,
    changeText: '',
  },
]

const outcomeSlugs: Record<string, string> = {
  '1': 'listened-to',
  '2': 'healthiest',
  '3': 'safe',
  '4': 'accepted-valued',
  '5': 'prepared-future',
  '6': 'enjoy-life',
  '7': 'overall',
}

let admin: Agent
let quarter: Period
let lastQuarterPeriod: Period
let targetDate: string

const decode = (text: string): string =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#34;', '"')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

/** What a browser would post back from a form unchanged: text inputs, chosen options, checked radios. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [tag] of html.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(tag)?.[1]
    const type = /type="([^"]*)"/.exec(tag)?.[1]
    const value = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? '')
    if (!name || name === '_csrf') continue
    if (type === 'radio' || type === 'checkbox') {
      if (tag.includes(' checked')) fields[name] = value
    } else fields[name] = value
  }
  for (const [, name, options] of html.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = /<option value="([^"]*)" selected>/.exec(options ?? '')
    if (name) fields[name] = decode(chosen?.[1] ?? '')
  }
  return fields
}

const monthName = (day: string, withYear: boolean) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(
    new Date(`${day}T12:00:00Z`),
  )
const quarterLabel = (period: Period) => `${monthName(period.start, false)} to ${monthName(period.end, true)}`

beforeAll(async () => {
  const db = heard.database.db
  // The quarter the scorecard is for is the one running now, as responses are only ever given now.
  const now = chosenPeriod('quarterly', undefined)
  if (!now) throw new Error('No current quarter')
  quarter = now
  lastQuarterPeriod = previousPeriod(quarter)
  targetDate = `${Number(quarter.key.slice(0, 4)) + 1}-03-31`

  await submitBatch(lastQuarter)
  // The respondent forms always stamp a response with the moment it is sent, so last quarter's
  // responses are sent first and then moved back into last quarter, three days apart from its
  // first day (so spread over all three of its months), as if they had been sent then.
  await db.query(
    `UPDATE responses r SET submitted_at = ($2::date + interval '12 hours') AT TIME ZONE 'Europe/London'
                                           + spread.position * interval '3 days'
       FROM (SELECT id, row_number() OVER (ORDER BY submitted_at, id) - 1 AS position
               FROM responses WHERE organisation_id = $1) AS spread
      WHERE r.organisation_id = $1 AND r.id = spread.id`,
    [heard.organisation.id, lastQuarterPeriod.start],
  )
  await submitBatch(thisQuarter)

  admin = await signedInAs(heard.testApp.app, db, { organisationId: heard.organisation.id, role: 'admin' })
  const framework = paths.manage.scorecardFramework
  expect((await postForm(admin, framework, paths.manage.scorecardTemplate)).status).toBe(303)

  // 1.2: the share of 12 to 15 year olds who say being listened to is very important.
  const added = await postForm(
    admin,
    paths.manage.scorecardNewIndicator,
    paths.manage.scorecardNewIndicator,
    {
      number: '1.2',
      wording: '% of young people aged 12 to 15 answering “Very important” to being listened to',
      outcome: 'listened-to',
      kind: 'survey',
      survey: 'what-i-need',
      unit: 'percentage',
      goodIs: 'up',
      frequency: 'quarterly',
      source: 'Survey: What I need',
      dataOwner: 'Participation team',
      baselineValue: '',
      baselineDate: '',
      amberTolerance: '5',
    },
  )
  expect(added.status).toBe(303)
  expect(added.headers.location).toBe(paths.manage.scorecardCounting('1-2'))
  const counted = await postForm(
    admin,
    paths.manage.scorecardCounting('1-2'),
    paths.manage.scorecardCounting('1-2'),
    {
      questions: 'listened-to',
      positive: V,
      excluded: D,
      'about-age-group': '12-15',
      'about-helper': '',
      language: '',
    },
  )
  expect(counted.status).toBe(303)

  // A target for 1.1 through its form, everything else as the form shows it.
  const form = await admin.get(paths.manage.scorecardIndicator('1-1'))
  expect(form.status).toBe(200)
  const fields = {
    ...formFields(form.text),
    target1Date: targetDate,
    target1Value: '75',
    amberTolerance: '7',
  }
  expect(fields).toMatchObject({
    number: '1.1',
    outcome: 'listened-to',
    survey: 'what-i-need',
    kind: 'survey',
  })
  const targeted = await postForm(
    admin,
    paths.manage.scorecardIndicator('1-1'),
    paths.manage.scorecardIndicator('1-1'),
    fields,
  )
  expect(targeted.status).toBe(303)
  expect(targeted.headers.location).toBe(framework)

  const recomputed = await postForm(admin, paths.manage.scorecards, paths.manage.scorecardRecompute, {
    period: quarter.key,
  })
  expect(recomputed.status).toBe(303)
  expect(recomputed.headers.location).toMatch(/^\/manage\/scorecards\/runs\/[0-9a-f-]{36}$/)
  await workQueuedRuns(heard.testApp)
}, 300_000)

describe('a scorecard from responses entered through the respondent forms', () => {
  it('stores the planned responses in the two quarters', async () => {
    const rows = await heard.database.db.query<{ month: string; count: number }>(
      `SELECT to_char(submitted_at AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month, count(*)::integer AS count
         FROM responses WHERE organisation_id = $1 GROUP BY 1 ORDER BY 1`,
      [heard.organisation.id],
    )
    const inQuarter = (period: Period) =>
      rows
        .filter((row) => row.month >= period.start.slice(0, 7) && row.month <= period.end.slice(0, 7))
        .reduce((sum, row) => sum + row.count, 0)
    // 26 spread three days apart from the 1st: days 1 to 76 of the quarter, in all three months.
    expect(rows.filter((row) => row.month <= lastQuarterPeriod.end.slice(0, 7))).toHaveLength(3)
    expect(inQuarter(lastQuarterPeriod)).toBe(26)
    expect(inQuarter(quarter)).toBe(32)
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(58)
  })

  it('downloads a CSV whose every figure for both quarters matches the hand-computed table', async () => {
    const response = await admin.get(
      `${paths.manage.scorecardDownload('scorecard.csv')}?period=${quarter.key}`,
    )
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.text.startsWith('\uFEFF')).toBe(true)
    const [headings = [], ...records] = parseCsv(response.text.slice(1))
    const at = (record: string[], heading: string): string => {
      const index = headings.indexOf(heading)
      if (index < 0) throw new Error(`No column ${heading}`)
      return record[index] ?? ''
    }
    // Eight indicators, each with eight quarters of history ending with this one.
    expect(records).toHaveLength(8 * 8)
    expect([...new Set(records.map((record) => at(record, 'Indicator number')))]).toEqual(
      expected.map((row) => row.number),
    )
    const history = periodsEndingWith(quarter, 8)
    for (const row of expected) {
      const lines = records.filter((record) => at(record, 'Indicator number') === row.number)
      expect(lines.map((line) => at(line, 'Period'))).toEqual(history.map((period) => period.key))
      for (const line of lines) {
        expect(at(line, 'Outcome')).toBe(row.outcome)
        expect(at(line, 'Kind')).toBe('Survey')
        expect(at(line, 'Unit')).toBe('Percentage')
        expect(at(line, 'Good is')).toBe('Higher is better')
        expect(at(line, 'Frequency')).toBe('Quarterly')
      }
      const cells = (line: string[] | undefined) =>
        [
          'Value',
          'n',
          'Numerator',
          'Denominator',
          '95% interval lower',
          '95% interval upper',
          'Suppressed',
        ].map((heading) => at(line ?? [], heading))
      const figures = (cell: Cell) =>
        cell === 'withheld'
          ? ['', '', '', '', '', '', 'yes']
          : [cell.value, cell.denominator, cell.numerator, cell.denominator, cell.lower, cell.upper]
              .map((figure) => String(figure))
              .concat('no')
      const previous = lines[6]
      const current = lines[7]
      expect([row.number, cells(previous)]).toEqual([row.number, figures(row.previous)])
      expect([row.number, cells(current)]).toEqual([row.number, figures(row.current)])
      // Nothing was counted in the six quarters before: no figure, nothing withheld.
      for (const line of lines.slice(0, 6)) expect(cells(line)).toEqual(['', '', '', '', '', '', 'no'])
      expect(at(current ?? [], 'Period label')).toBe(quarterLabel(quarter))
      expect(at(current ?? [], 'Period start')).toBe(quarter.start)
      expect(at(current ?? [], 'Period end')).toBe(quarter.end)
      expect(at(previous ?? [], 'Period label')).toBe(quarterLabel(lastQuarterPeriod))
      expect([at(current ?? [], 'RAG'), at(current ?? [], 'Trend'), at(current ?? [], 'Change')]).toEqual([
        row.rag[0],
        row.trend,
        row.change === null ? '' : String(row.change),
      ])
      // Only the scorecard's own quarter carries a judgement.
      for (const line of lines.slice(0, 7))
        expect([at(line, 'RAG'), at(line, 'Trend'), at(line, 'Change')]).toEqual(['', '', ''])
      const target = row.number === '1.1' ? ['75', targetDate] : ['', '']
      for (const line of lines) expect([at(line, 'Target'), at(line, 'Target date')]).toEqual(target)
    }
    const definition = (number: string) =>
      at(records.find((record) => at(record, 'Indicator number') === number) ?? [], 'Definition')
    expect(definition('1.2')).toBe(
      'Survey what-i-need; questions: listened-to; positive answers: very-important; answers left out: dont-know; only responses with age-group = 12-15',
    )
    expect(definition('7.1')).toBe(
      'Survey what-i-need; questions: listened-to, healthiest, safe, accepted-valued, prepared-future, enjoy-life; positive answers: very-important; answers left out: dont-know',
    )
  })

  /** The text of one indicator's section on an outcome page, tags stripped, spaces collapsed. */
  const sectionText = (html: string, number: string): string => {
    const id = `indicator-${number.replace('.', '-')}`
    const start = html.indexOf(`<section class="heard-scorecard-indicator" aria-labelledby="${id}">`)
    if (start < 0) throw new Error(`No section for ${number}`)
    const section = html.slice(start, html.indexOf('</section>', start))
    return decode(section.replace(/<[^>]+>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim()
  }

  const figureText = (cell: Cell) =>
    cell === 'withheld'
      ? 'Fewer than 10: not shown'
      : `${cell.value.toFixed(1)}% (n = ${cell.denominator}) 95% interval ${cell.lower.toFixed(1)}% to ${cell.upper.toFixed(1)}%`

  it('shows on each outcome page the same value, n, interval, RAG and trend', async () => {
    for (const [prefix, slug] of Object.entries(outcomeSlugs)) {
      const page = await admin.get(`${paths.manage.scorecardOutcome(slug)}?period=${quarter.key}`)
      expect(page.status).toBe(200)
      for (const row of expected.filter((each) => each.number.startsWith(`${prefix}.`))) {
        const text = sectionText(page.text, row.number)
        const trend = row.changeText ? `${row.trend} (${row.changeText})` : row.trend
        expect(text).toContain(
          `Figure ${figureText(row.current)} ${quarterLabel(quarter)} RAG status ${row.rag[1]} Trend ${trend} Target`,
        )
        const targetText =
          row.number === '1.1'
            ? `75.0% by ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${targetDate}T12:00:00Z`))}`
            : 'None'
        expect(text).toContain(`Target ${targetText} Baseline`)
        // The table of past periods: last quarter's figure and n, then this quarter's.
        const pastFigure = (cell: Cell) =>
          cell === 'withheld'
            ? 'Fewer than 10: not shown'
            : `${cell.value.toFixed(1)}% n = ${cell.denominator}`
        expect(text).toContain(
          `${quarterLabel(lastQuarterPeriod)} ${pastFigure(row.previous)} ${quarterLabel(quarter)} ${pastFigure(row.current)}`,
        )
      }
    }
  })

  it('shows on the summary page each indicator’s figure, n, RAG and trend', async () => {
    const page = await admin.get(`${paths.manage.scorecards}?period=${quarter.key}`)
    expect(page.status).toBe(200)
    // Every body row of the outcome tables, one per indicator, as text.
    const rows = [...page.text.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].flatMap(([, body]) =>
      [...(body ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([row]) =>
        decode(row.replace(/<[^>]+>/g, ' '))
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    )
    expect(rows).toHaveLength(expected.length)
    rows.forEach((text, index) => {
      const row = expected[index]
      if (!row) throw new Error('More rows than indicators')
      const figure =
        row.current === 'withheld'
          ? 'Fewer than 10: not shown'
          : `${row.current.value.toFixed(1)}% n = ${row.current.denominator}`
      expect(text.startsWith(`${row.number} `)).toBe(true)
      expect(text.endsWith(`${figure} ${row.rag[1]} ${row.trend}`)).toBe(true)
    })
  })
})
