import { paths } from '../../server/paths'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'
import {
  administrativeIndicatorForm,
  allRows,
  countScorecardRows,
  rowStartingWith,
  startFrameworkFromTemplate,
  tableRows,
  visibleText,
} from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'

const fixture = useSurveyApp(['what-i-need'])
let analyst: Agent
let viewer: Agent

const administrative = administrativeIndicatorForm

beforeAll(async () => {
  const { app } = fixture.testApp
  const { db } = fixture.database
  analyst = await signedInAs(app, db, {
    organisationId: fixture.organisation.id,
    role: 'analyst',
    email: 'analyst@council.example',
  })
  viewer = await signedInAs(app, db, { organisationId: fixture.organisation.id, role: 'viewer' })
  await startFrameworkFromTemplate(analyst)
  const indicators: Record<string, string>[] = [
    { number: '5.2', wording: '% of new EHC plans issued within 20 weeks', unit: 'percentage' },
    { number: '5.3', wording: 'Annual reviews held on time', unit: 'count' },
    {
      number: '5.4',
      wording: 'Weeks from request to plan',
      unit: 'weeks',
      frequency: 'monthly',
      goodIs: 'down',
    },
  ]
  for (const fields of indicators) {
    const done = await postForm(
      analyst,
      paths.manage.scorecardNewIndicator,
      paths.manage.scorecardNewIndicator,
      administrative(fields),
    )
    if (done.status !== 303) throw new Error(`Adding ${fields.number} gave ${done.status}`)
  }
})

const values = paths.manage.scorecardValues('5-2')

/** What an import or an entered figure can change. */
const stored = async () => ({
  values: await allRows(fixture.database.db, 'administrative_values'),
  facts: await fixture.database.db.query(
    'SELECT indicator_id, period, numerator, denominator, value FROM indicator_facts ORDER BY 1, 2',
  ),
})

async function valuesByNumber(): Promise<
  { number: string; period: string; value: string; entered_by: string }[]
> {
  return fixture.database.db.query(
    `SELECT i.number, v.period, v.value::text AS value, v.entered_by
       FROM administrative_values v JOIN indicators i ON i.organisation_id = v.organisation_id AND i.id = v.indicator_id
      WHERE v.organisation_id = $1 ORDER BY i.number, v.period`,
    [fixture.organisation.id],
  )
}

async function factsByNumber(): Promise<
  { number: string; period: string; value: string; numerator: number | null }[]
> {
  return fixture.database.db.query(
    `SELECT i.number, f.period, f.value::text AS value, f.numerator
       FROM indicator_facts f JOIN indicators i ON i.organisation_id = f.organisation_id AND i.id = f.indicator_id
      WHERE f.organisation_id = $1 AND i.kind = 'administrative' ORDER BY i.number, f.period`,
    [fixture.organisation.id],
  )
}

describe('entering an administrative figure', () => {
  it('stores a figure for a period and recomputes its fact', async () => {
    const page = await analyst.get(values)
    expect(page.status).toBe(200)
    expect(page.text).toContain('No figures yet.')
    expect(page.text).toContain('The year and quarter, like 2026-Q3 for July to September 2026')

    const done = await postForm(analyst, values, values, { period: '2026-q3', value: '61.5' })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(values)
    expect(await valuesByNumber()).toEqual([
      { number: '5.2', period: '2026-Q3', value: '61.5', entered_by: 'analyst@council.example' },
    ])
    expect(await factsByNumber()).toEqual([
      { number: '5.2', period: '2026-Q3', value: '61.5', numerator: null },
    ])
    const after = await analyst.get(values)
    expect(rowStartingWith(after.text, 'July to September 2026')).toEqual([
      'July to September 2026',
      '61.5%',
      'analyst@council.example',
    ])
  })

  it('replaces the figure when the same period is entered again', async () => {
    const done = await postForm(analyst, values, values, { period: '2026-Q3', value: '63' })
    expect(done.status).toBe(303)
    expect(await valuesByNumber()).toEqual([
      { number: '5.2', period: '2026-Q3', value: '63', entered_by: 'analyst@council.example' },
    ])
    expect(await factsByNumber()).toEqual([
      { number: '5.2', period: '2026-Q3', value: '63', numerator: null },
    ])
  })

  const refusals: [string, Record<string, string>, string, string][] = [
    [
      'a quarter that does not exist',
      { period: '2026-Q5', value: '61.5' },
      '<a href="#period">&#34;2026-Q5&#34; is not a quarter. Indicator 5.2 is quarterly: write the year and quarter, like 2026-Q3 for July to September 2026</a>',
      'value="2026-Q5"',
    ],
    [
      'a percentage over 100',
      { period: '2026-Q2', value: '120' },
      '<a href="#value">A percentage must be between 0 and 100, not 120</a>',
      'value="120"',
    ],
    [
      'a value that is not a number',
      { period: '2026-Q2', value: '61,5%' },
      '<a href="#value">&#34;61,5%&#34; is not a number.',
      'value="61,5%"',
    ],
    ['no period', { period: '', value: '40' }, '<a href="#period">Enter the period</a>', 'value="40"'],
  ]

  it.each(refusals)(
    'refuses %s with 400 and the message, storing nothing',
    async (_name, fields, message, kept) => {
      const before = await stored()
      const refused = await postForm(analyst, values, values, fields)
      expect(refused.status).toBe(400)
      expect(refused.text).toContain('<title>Error: ')
      expect(refused.text).toContain('There is a problem')
      expect(refused.text).toContain(message)
      expect(refused.text).toContain(kept)
      expect(await stored()).toEqual(before)
    },
  )

  it('gives survey indicators no figures page, and unknown indicators 404', async () => {
    expect((await analyst.get(paths.manage.scorecardValues('1-1'))).status).toBe(404)
    expect((await analyst.get(paths.manage.scorecardValues('9-9'))).status).toBe(404)
    const before = await stored()
    const posted = await postForm(analyst, values, paths.manage.scorecardValues('1-1'), {
      period: '2026-Q3',
      value: '50',
    })
    expect(posted.status).toBe(404)
    expect(await stored()).toEqual(before)
  })

  it('does not let a viewer enter figures', async () => {
    const before = await stored()
    const refused = await postForm(viewer, paths.manage.scorecardFramework, values, {
      period: '2026-Q2',
      value: '40',
    })
    expect(refused.status).toBe(403)
    expect(await stored()).toEqual(before)
  })
})

describe('importing administrative figures from a CSV file', () => {
  const csv = (...lines: string[]) => Buffer.from(lines.map((line) => `${line}\r\n`).join(''), 'utf8')

  /** Uploads a file through the import form, with the form's CSRF token unless told otherwise. */
  async function upload(agent: Agent, file: Buffer, token?: string) {
    // The framework page carries the session's token for every officer, as the import page does.
    const page = await agent.get(paths.manage.scorecardFramework)
    return agent
      .post(paths.manage.scorecardImport)
      .field('_csrf', token ?? csrfTokenIn(page.text))
      .attach('file', file, { filename: 'figures.csv', contentType: 'text/csv' })
  }

  it('stores every value of a good file and recomputes the facts', async () => {
    const page = await analyst.get(paths.manage.scorecardImport)
    expect(page.status).toBe(200)
    expect(page.text).toContain('enctype="multipart/form-data"')

    const done = await upload(
      analyst,
      csv(
        'Indicator,Period,Value,Notes',
        '5.2,2026-Q1,55,From the case management system',
        '5.2,2026-Q2,58.5,',
        '5.3,2026-Q2,140,"Reviews held, as at 30 June"',
        '5.4,2026-07,17.5,',
      ),
    )
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe(`${paths.manage.scorecardImport}?imported=4`)
    expect(await valuesByNumber()).toEqual([
      { number: '5.2', period: '2026-Q1', value: '55', entered_by: 'analyst@council.example' },
      { number: '5.2', period: '2026-Q2', value: '58.5', entered_by: 'analyst@council.example' },
      { number: '5.2', period: '2026-Q3', value: '63', entered_by: 'analyst@council.example' },
      { number: '5.3', period: '2026-Q2', value: '140', entered_by: 'analyst@council.example' },
      { number: '5.4', period: '2026-07', value: '17.5', entered_by: 'analyst@council.example' },
    ])
    expect(await factsByNumber()).toEqual([
      { number: '5.2', period: '2026-Q1', value: '55', numerator: null },
      { number: '5.2', period: '2026-Q2', value: '58.5', numerator: null },
      { number: '5.2', period: '2026-Q3', value: '63', numerator: null },
      { number: '5.3', period: '2026-Q2', value: '140', numerator: null },
      { number: '5.4', period: '2026-07', value: '17.5', numerator: null },
    ])
  })

  it('says how many figures were imported', async () => {
    const page = await analyst.get(`${paths.manage.scorecardImport}?imported=4`)
    expect(page.status).toBe(200)
    expect(visibleText(page.text)).toContain('Figures imported: 4')
  })

  it('rejects a file with bad rows whole, listing each row and its problem, and stores none of it', async () => {
    const before = await stored()
    const countBefore = await countScorecardRows(fixture.database.db, 'administrative_values')
    const refused = await upload(
      analyst,
      csv(
        'indicator,period,value',
        '5.2,2026-Q4,66',
        '5.2,2026-Q5,61',
        '5.3,2026-Q3,12.5',
        '9.9,2026-Q3,4',
        '5.2,2026-Q4,67',
        '5.3,2026-Q4,150',
        '1.1,2026-Q3,80',
        '5.2,2026-Q3,120',
      ),
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('The file was not imported')
    const problemsTable = refused.text.slice(refused.text.indexOf('id="problems"'))
    const problems = tableRows(problemsTable.slice(0, problemsTable.indexOf('</table>')))
    expect(problems).toEqual([
      ['Row', 'Problem'],
      [
        '3',
        '"2026-Q5" is not a quarter. Indicator 5.2 is quarterly: write the year and quarter, like 2026-Q3 for July to September 2026',
      ],
      ['4', 'A count must be a whole number, 0 or more, not 12.5'],
      ['5', 'There is no indicator numbered 9.9'],
      ['6', 'Indicator 5.2 already has a value for 2026-Q4, in row 2. Keep only one of the two rows'],
      ['8', 'Indicator 1.1 is worked out from survey responses, so its figures cannot be imported'],
      ['9', 'A percentage must be between 0 and 100, not 120'],
    ])
    expect(refused.text).toContain('<a href="#problems">')
    expect(visibleText(refused.text)).toContain('Problems found: 6. Nothing from the file was stored.')
    // Rows 2 and 7 were good, yet nothing from the file is stored.
    expect(await countScorecardRows(fixture.database.db, 'administrative_values')).toBe(countBefore)
    expect(await stored()).toEqual(before)
  })

  it('rejects a file without the heading the import needs', async () => {
    const before = await stored()
    const refused = await upload(analyst, csv('number,quarter,figure', '5.2,2026-Q4,66'))
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Whole file')
    expect(refused.text).toContain('The heading row must have a column called &#34;indicator&#34;')
    expect(await stored()).toEqual(before)
  })

  it('rejects an upload with no file in it', async () => {
    const before = await stored()
    const page = await analyst.get(paths.manage.scorecardImport)
    const refused = await analyst.post(paths.manage.scorecardImport).field('_csrf', csrfTokenIn(page.text))
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('The file is empty')
    expect(await stored()).toEqual(before)
  })

  it('refuses a file over 1 MB as too large, not as a forged form, storing nothing', async () => {
    const before = await stored()
    const padding = 'x'.repeat(1024 * 1024)
    const refused = await upload(analyst, csv('indicator,period,value,notes', `5.2,2026-Q4,66,${padding}`))
    expect(refused.status).toBe(413)
    expect(await stored()).toEqual(before)
  })

  it('refuses a broken multipart body as bad input, storing nothing', async () => {
    const before = await stored()
    const page = await analyst.get(paths.manage.scorecardImport)
    const token = csrfTokenIn(page.text)
    const refused = await analyst
      .post(paths.manage.scorecardImport)
      .set('Content-Type', 'multipart/form-data; boundary=heard-boundary')
      .send(
        `--heard-boundary\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--heard-boundary\r\nContent-Disposition: form-data; name="file"; filename="figures.csv"\r\n\r\nindicator,period,value\r\n5.2,2026-Q4,66`,
      )
    expect(refused.status).toBe(400)
    expect(await stored()).toEqual(before)
  })

  it('refuses an upload without the CSRF token, or with another one, and stores nothing', async () => {
    const before = await stored()
    const file = csv('indicator,period,value', '5.2,2026-Q4,66')
    const withoutToken = await analyst
      .post(paths.manage.scorecardImport)
      .attach('file', file, { filename: 'figures.csv', contentType: 'text/csv' })
    expect(withoutToken.status).toBe(403)
    const wrongToken = await upload(analyst, file, 'not-the-session-token')
    expect(wrongToken.status).toBe(403)
    expect(await stored()).toEqual(before)
  })

  it('refuses an upload from a viewer and stores nothing', async () => {
    const before = await stored()
    const refused = await upload(viewer, csv('indicator,period,value', '5.2,2026-Q4,66'))
    expect(refused.status).toBe(403)
    expect(await stored()).toEqual(before)
  })
})
