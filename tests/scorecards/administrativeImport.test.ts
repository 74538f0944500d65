import {
  importProblemKey,
  importProblemNames,
  maxImportRows,
  parseAdministrativeCsv,
  type ImportableIndicator,
  type ImportProblem,
  type ImportProblemName,
} from '../../server/scorecards/files/administrativeImport'
import { readLocaleFile } from '../../server/i18n/translator'
import { maxSourceLength, parseReferenceCsv } from '../../server/scorecards/files/referenceImport'

const plansIssued: ImportableIndicator = {
  id: 'plans-issued',
  number: '1.1',
  kind: 'administrative',
  frequency: 'quarterly',
  unit: 'count',
}
const within20Weeks: ImportableIndicator = {
  id: 'within-20-weeks',
  number: '1.2',
  kind: 'administrative',
  frequency: 'monthly',
  unit: 'percentage',
}
const indicators: ImportableIndicator[] = [
  plansIssued,
  within20Weeks,
  { id: 'weeks-to-plan', number: '2.1', kind: 'administrative', frequency: 'termly', unit: 'weeks' },
  { id: 'exclusions', number: '2.2', kind: 'administrative', frequency: 'six-monthly', unit: 'rate' },
  { id: 'tribunals', number: '3.1', kind: 'administrative', frequency: 'annual', unit: 'count' },
  { id: 'feel-listened-to', number: '4.1', kind: 'survey', frequency: 'quarterly', unit: 'percentage' },
]

const csv = (...lines: string[]) => lines.map((line) => `${line}\r\n`).join('')
const heading = 'indicator,period,value'

const parse = (text: string) => parseAdministrativeCsv(text, indicators)

function referenceProblemsOf(text: string): ImportProblem[] {
  const result = parseReferenceCsv(text, indicators)
  return result.ok ? [] : result.problems
}

function problemsOf(text: string): ImportProblem[] {
  const result = parse(text)
  if (result.ok) throw new Error('Expected the file to be rejected')
  return result.problems
}

const found = (
  row: number,
  name: ImportProblemName,
  values: ImportProblem['values'] = {},
): ImportProblem => ({
  row,
  key: `pages.administrativeImport.problems.${name}`,
  values,
})

describe('importing administrative values from CSV', () => {
  it('reads a good file, whatever tool saved it', () => {
    const text =
      '\uFEFF Value ,Notes,PERIOD,Indicator\r\n' +
      '12,"Counted by the SEND team, as at 30 September",2026-q3,1.1\r\n' +
      '"87.5","Two lines\r\nof notes",2026-10,1.2\r\n' +
      '\r\n' +
      ' 0 ,,2026-t1, 2.1 \r\n' +
      '4.25,,2026-H2,2.2\r\n' +
      '3,"He said ""no""",2026,3.1\r\n' +
      '\r\n'
    expect(parse(text)).toEqual({
      ok: true,
      values: [
        { indicatorId: 'plans-issued', period: '2026-Q3', value: 12 },
        { indicatorId: 'within-20-weeks', period: '2026-10', value: 87.5 },
        { indicatorId: 'weeks-to-plan', period: '2026-T1', value: 0 },
        { indicatorId: 'exclusions', period: '2026-H2', value: 4.25 },
        { indicatorId: 'tribunals', period: '2026', value: 3 },
      ],
    })
  })

  it('reads LF line ends and a file without a last line end', () => {
    expect(parse('indicator,period,value\n1.1,2026-Q1,5\n1.1,2026-Q2,6')).toEqual({
      ok: true,
      values: [
        { indicatorId: 'plans-issued', period: '2026-Q1', value: 5 },
        { indicatorId: 'plans-issued', period: '2026-Q2', value: 6 },
      ],
    })
  })

  it('rejects a file with several bad rows, reporting every problem of every row', () => {
    const text = csv(
      'Indicator,Period,Value,Notes',
      '1.1,2026-Q3,12,fine',
      '9.9,2026-Q3,12,no such indicator',
      '',
      '4.1,2026-Q3,55,a survey indicator',
      '1.2,2026-Q3,120%,wrong period form and not a number',
      '1.1,2026-q3,13,the same quarter again',
      ',,,notes only',
      '1.2,2026-11,101,',
      '2.1,2026-T4,-1,',
    )
    expect(problemsOf(text)).toEqual([
      found(3, 'unknownIndicator', { indicator: '9.9' }),
      found(5, 'surveyIndicator', { indicator: '4.1' }),
      found(6, 'periodMonthly', { indicator: '1.2', period: '2026-Q3' }),
      found(6, 'valueNotNumber', { value: '120%' }),
      found(7, 'repeatedPeriod', { indicator: '1.1', period: '2026-Q3', earlierRow: 2 }),
      found(8, 'indicatorMissing'),
      found(8, 'periodMissing'),
      found(8, 'valueMissing'),
      found(9, 'percentageOutOfRange', { value: '101' }),
      found(10, 'periodTermly', { indicator: '2.1', period: '2026-T4' }),
      found(10, 'weeksNegative', { value: '-1' }),
    ])
  })

  it('numbers rows as a spreadsheet does when a quoted field holds a line break', () => {
    const text = csv('indicator,period,value,notes', '1.1,2026-Q1,1,"two\r\nlines"', '1.1,2026-Q2,x,')
    expect(problemsOf(text)).toEqual([found(3, 'valueNotNumber', { value: 'x' })])
  })

  describe('each row', () => {
    it.each<[string, string, ImportProblemName, ImportProblem['values']]>([
      ['an indicator number nobody has', '5.5,2026-Q3,1', 'unknownIndicator', { indicator: '5.5' }],
      ['no indicator number', ',2026-Q3,1', 'indicatorMissing', {}],
      ['a survey indicator', '4.1,2026-Q3,50', 'surveyIndicator', { indicator: '4.1' }],
      ['no period', '1.1,,1', 'periodMissing', {}],
      [
        'a quarterly period written otherwise',
        '1.1,2026-07,1',
        'periodQuarterly',
        { indicator: '1.1', period: '2026-07' },
      ],
      [
        'a monthly period written otherwise',
        '1.2,2026-Q3,50',
        'periodMonthly',
        { indicator: '1.2', period: '2026-Q3' },
      ],
      [
        'a termly period written otherwise',
        '2.1,Autumn 2026,5',
        'periodTermly',
        { indicator: '2.1', period: 'Autumn 2026' },
      ],
      [
        'a six-monthly period written otherwise',
        '2.2,2026-H3,5',
        'periodSixMonthly',
        { indicator: '2.2', period: '2026-H3' },
      ],
      [
        'an annual period written otherwise',
        '3.1,2026/27,5',
        'periodAnnual',
        { indicator: '3.1', period: '2026/27' },
      ],
      [
        'a month that does not exist',
        '1.2,2026-13,50',
        'periodMonthly',
        { indicator: '1.2', period: '2026-13' },
      ],
      ['no value', '1.1,2026-Q3,', 'valueMissing', {}],
      ['a value with a % sign', '1.2,2026-10,12%', 'valueNotNumber', { value: '12%' }],
      ['a value with a thousands comma', '1.1,2026-Q3,"1,234"', 'valueNotNumber', { value: '1,234' }],
      ['a value in words', '1.1,2026-Q3,abc', 'valueNotNumber', { value: 'abc' }],
      ['a value with an exponent', '1.1,2026-Q3,1e3', 'valueNotNumber', { value: '1e3' }],
      ['a value with a plus sign', '1.1,2026-Q3,+3', 'valueNotNumber', { value: '+3' }],
      ['a value starting with a point', '2.2,2026-H1,.5', 'valueNotNumber', { value: '.5' }],
      ['a value with a space inside', '1.1,2026-Q3,1 234', 'valueNotNumber', { value: '1 234' }],
      [
        'a value too long to be a number',
        `2.2,2026-H1,${'9'.repeat(400)}`,
        'valueNotNumber',
        { value: '9'.repeat(400) },
      ],
      ['a percentage over 100', '1.2,2026-10,100.5', 'percentageOutOfRange', { value: '100.5' }],
      ['a percentage under 0', '1.2,2026-10,-0.5', 'percentageOutOfRange', { value: '-0.5' }],
      ['a count with a fraction', '1.1,2026-Q3,12.5', 'countNotWhole', { value: '12.5' }],
      ['a negative count', '3.1,2026,-3', 'countNotWhole', { value: '-3' }],
      ['a negative number of weeks', '2.1,2026-T1,-2', 'weeksNegative', { value: '-2' }],
      ['a negative rate', '2.2,2026-H1,-3', 'rateNegative', { value: '-3' }],
    ])('reports %s', (_, line, name, values) => {
      expect(problemsOf(csv(heading, line))).toEqual([found(2, name, values)])
    })

    it.each([
      ['1.1', '2026-Q3', '2026-Q3'],
      ['1.1', '2026-q4', '2026-Q4'],
      ['1.2', '2026-01', '2026-01'],
      ['2.1', '2027-t2', '2027-T2'],
      ['2.1', '2027-T3', '2027-T3'],
      ['2.2', '2026-h1', '2026-H1'],
      ['3.1', ' 2026 ', '2026'],
    ])('reads indicator %s period %j as %s', (indicator, period, key) => {
      const result = parse(csv(heading, `${indicator},${period},1`))
      expect(result.ok && result.values.map((value) => value.period)).toEqual([key])
    })

    it.each([
      ['percentage', '1.2', '0', 0],
      ['percentage', '1.2', '100', 100],
      ['percentage', '1.2', '12.5', 12.5],
      ['count', '1.1', '0', 0],
      ['count', '1.1', '12.0', 12],
      ['count', '1.1', '007', 7],
      ['weeks', '2.1', '19.5', 19.5],
      ['rate', '2.2', '0.125', 0.125],
      ['rate', '2.2', '-0', 0],
    ])('accepts as a %s (indicator %s) the value %j', (_, indicator, value, number) => {
      const result = parse(csv(heading, `${indicator},${periodFor(indicator)},${value}`))
      expect(result.ok && result.values.map((imported) => imported.value)).toEqual([number])
      expect(Object.is(result.ok && result.values[0]?.value, -0)).toBe(false)
    })

    it('names the first row when an indicator and period come a third time', () => {
      const text = csv(heading, '1.1,2026-Q3,1', '1.1,2026-Q4,1', '1.1,2026-Q3,2', '1.1,2026-q3,3')
      expect(problemsOf(text)).toEqual([
        found(4, 'repeatedPeriod', { indicator: '1.1', period: '2026-Q3', earlierRow: 2 }),
        found(5, 'repeatedPeriod', { indicator: '1.1', period: '2026-Q3', earlierRow: 2 }),
      ])
    })

    it('reports a repeated period even when the value is also wrong', () => {
      expect(problemsOf(csv(heading, '1.1,2026-Q3,1', '1.1,2026-Q3,x'))).toEqual([
        found(3, 'valueNotNumber', { value: 'x' }),
        found(3, 'repeatedPeriod', { indicator: '1.1', period: '2026-Q3', earlierRow: 2 }),
      ])
    })

    it('still checks the value is a number when the indicator is wrong', () => {
      expect(problemsOf(csv(heading, '9.9,2026-Q3,lots', '4.1,nonsense,12%'))).toEqual([
        found(2, 'unknownIndicator', { indicator: '9.9' }),
        found(2, 'valueNotNumber', { value: 'lots' }),
        found(3, 'surveyIndicator', { indicator: '4.1' }),
        found(3, 'valueNotNumber', { value: '12%' }),
      ])
    })

    it('takes the same period for different indicators', () => {
      const quarterly: ImportableIndicator = { ...plansIssued, id: 'plans-started', number: '1.3' }
      const result = parseAdministrativeCsv(csv(heading, '1.1,2026-Q3,1', '1.3,2026-Q3,2'), [
        ...indicators,
        quarterly,
      ])
      expect(result.ok && result.values).toEqual([
        { indicatorId: 'plans-issued', period: '2026-Q3', value: 1 },
        { indicatorId: 'plans-started', period: '2026-Q3', value: 2 },
      ])
    })
  })

  describe('the whole file', () => {
    it.each([
      ['empty', ''],
      ['only a byte-order mark', '\uFEFF'],
      ['only empty lines', '\r\n\r\n,,\r\n'],
    ])('rejects a file that is %s', (_, text) => {
      expect(problemsOf(text)).toEqual([found(0, 'emptyFile')])
    })

    it('rejects a file with only a heading row', () => {
      expect(problemsOf(csv(heading))).toEqual([found(0, 'noValues')])
      expect(problemsOf(csv(heading, '', ' , , '))).toEqual([found(0, 'noValues')])
    })

    it('names each missing column', () => {
      expect(problemsOf(csv('indicator,when,amount', '1.1,2026-Q3,1'))).toEqual([
        found(0, 'missingColumn', { column: 'period' }),
        found(0, 'missingColumn', { column: 'value' }),
      ])
    })

    it('checks the heading row before counting the rows under it', () => {
      expect(problemsOf(csv('indicator,period'))).toEqual([found(0, 'missingColumn', { column: 'value' })])
    })

    it('rejects a heading row with a column twice', () => {
      expect(problemsOf(csv('indicator,period,value,Value', '1.1,2026-Q3,1,2'))).toEqual([
        found(0, 'repeatedColumn', { column: 'value' }),
      ])
    })

    it('takes the first row with anything in it as the heading row', () => {
      const result = parse(csv('', heading, '1.1,2026-Q3,1'))
      expect(result.ok).toBe(true)
      expect(problemsOf(csv('', heading, '1.1,2026-Q3,x'))).toEqual([
        found(3, 'valueNotNumber', { value: 'x' }),
      ])
    })

    it('says where an unclosed quote opens', () => {
      expect(problemsOf(csv(heading, '1.1,2026-Q3,1', '1.1,"2026-Q4,2', '1.1,2027-Q1,3'))).toEqual([
        found(0, 'unclosedQuote', { line: 3 }),
      ])
    })

    it(`takes ${maxImportRows} rows of values`, () => {
      expect(maxImportRows).toBe(5000)
      const monthly = Array.from({ length: 5 }, (_, index): ImportableIndicator => ({
        ...within20Weeks,
        id: `monthly-${index}`,
        number: `5.${index + 1}`,
      }))
      const lines = Array.from({ length: maxImportRows }, (_, index) => {
        const month = index % 1200
        const period = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
        return `5.${Math.floor(index / 1200) + 1},${period},50`
      })
      const result = parseAdministrativeCsv(csv(heading, ...lines), monthly)
      expect(result.ok && result.values).toHaveLength(maxImportRows)
    })

    it(`rejects more than ${maxImportRows} rows of values without checking them`, () => {
      const lines = Array.from({ length: maxImportRows + 1 }, () => 'nonsense,,')
      expect(problemsOf(csv(heading, ...lines, ''))).toEqual([
        found(0, 'tooManyRows', { rows: maxImportRows + 1, max: maxImportRows }),
      ])
    })
  })
})

function periodFor(indicatorNumber: string): string {
  const frequency = indicators.find((indicator) => indicator.number === indicatorNumber)?.frequency
  const periods = {
    monthly: '2026-01',
    quarterly: '2026-Q1',
    termly: '2026-T1',
    'six-monthly': '2026-H1',
    annual: '2026',
  }
  return frequency ? periods[frequency] : ''
}

describe('words for import problems', () => {
  type Json = Record<string, unknown>
  const wordsAt = (file: Json, key: string): unknown =>
    key.split('.').reduce<unknown>((value, part) => (value as Json | undefined)?.[part], file)
  const placeholdersIn = (text: unknown) =>
    [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort()

  it.each(importProblemNames)('%s has English words', (name) => {
    expect(typeof wordsAt(readLocaleFile('en', 'common'), importProblemKey(name))).toBe('string')
  })

  it.each(['cy', 'ur'])(
    '%s has words for every problem, with the same placeholders as English',
    (language) => {
      const english = readLocaleFile('en', 'common')
      const other = readLocaleFile(language, 'common')
      for (const name of importProblemNames) {
        const key = importProblemKey(name)
        expect([key, typeof wordsAt(other, key)]).toEqual([key, 'string'])
        expect([key, placeholdersIn(wordsAt(other, key))]).toEqual([
          key,
          placeholdersIn(wordsAt(english, key)),
        ])
      }
    },
  )

  it('fills every placeholder of each message it gives, and gives nothing more', () => {
    const english = readLocaleFile('en', 'common')
    const problems = [
      ...problemsOf(''),
      ...problemsOf(csv(heading)),
      ...problemsOf('"'),
      ...problemsOf(csv('indicator,indicator')),
      ...problemsOf(csv(heading, ...Array.from({ length: maxImportRows + 1 }, () => '1.1,2026-Q1,1'))),
      ...problemsOf(
        csv(
          'indicator,period,value,notes',
          ',,,only notes',
          '9.9,2026-Q1,1',
          '4.1,2026-Q1,1',
          '1.1,2026-01,x',
          '1.2,2026-Q1,101',
          '2.1,2026,-1',
          '2.2,2026,-1',
          '3.1,2026-Q1,1.5',
          '3.1,2026,1',
          '3.1,2026,1',
        ),
      ),
      // Reference values share the messages, and add their own for areas and sources.
      ...referenceProblemsOf(
        csv(
          'indicator,period,area,value,source',
          '1.1,2026-Q1,,1,',
          `1.1,2026-Q1,wales,1,${'x'.repeat(maxSourceLength + 1)}`,
          '4.1,2026-Q1,england,50,DfE',
          '4.1,2026-Q1,England,51,DfE',
        ),
      ),
    ]
    expect(new Set(problems.map((problem) => problem.key))).toEqual(
      new Set(importProblemNames.map(importProblemKey)),
    )
    for (const { key, values } of problems)
      expect([key, Object.keys(values).sort()]).toEqual([key, placeholdersIn(wordsAt(english, key))])
  })
})
