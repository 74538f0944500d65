import { paths } from '../../server/paths'
import { loadResultsAcrossVersions } from '../../server/results/surveyResults'
import type { QuestionResult, SurveyResults } from '../../server/results/types'
import { publishVersion } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { pageText } from './pageText'
import { insertVersionedSurvey, secondVersion, type VersionedSurvey } from './versionedSurvey'

let database: TestDatabase
let survey: VersionedSurvey
let viewer: Agent
let results: SurveyResults

beforeAll(async () => {
  database = await openTestDatabase()
  survey = await insertVersionedSurvey(database.db)
  const testApp = await buildTestApp(database.db)
  viewer = await signedInAs(testApp.app, database.db, {
    organisationId: survey.organisationId,
    role: 'viewer',
  })
  ;({ results } = await loadResultsAcrossVersions(database.db, { ...survey, filter: {}, threshold: 10 }))
})
afterAll(() => database.drop())

const shown = (value: number) => ({ value, suppressed: false })

function question(id: string): QuestionResult {
  const found = results.questions.find((each) => each.questionId === id)
  if (!found) throw new Error(`No results for ${id}`)
  return found
}

const counts = (id: string) =>
  Object.fromEntries(question(id).options.map((option) => [option.value, option.count.value]))

describe('results across an edit (versions 1 and 2, 20 responses each)', () => {
  it('counts all 40 responses, question by question id, in the combined order', () => {
    expect(results.responses).toEqual(shown(40))
    expect(results.questions.map((each) => each.questionId)).toEqual([
      'listened',
      'club',
      'transport',
      'home',
      'helped',
      'helped-how',
      'comments',
    ])
  })

  it('counts a question asked by both versions across both: A and C agree, B disagrees, D strongly agrees', () => {
    expect(counts('listened')).toEqual({
      'strongly-agree': 10,
      agree: 20,
      neither: 0,
      disagree: 10,
      'strongly-disagree': 0,
      'dont-know': 0,
    })
    expect(question('listened').answered).toEqual(shown(40))
    // 30 of 40 agree or strongly agree.
    expect(question('listened').headline?.percentage).toBe(75)
    expect(question('listened').notAsked).toEqual(shown(0))
  })

  it('counts answers by stable value when options were added and dropped: 10 each of 40', () => {
    expect(counts('transport')).toEqual({ bus: 10, walk: 10, train: 10, car: 10 })
    expect(question('transport').denominator).toEqual(shown(40))
    expect(question('transport').options.map((option) => option.percentage)).toEqual([25, 25, 25, 25])
  })

  it('keeps a dropped question with its answers; version 2 was not asked it and is not in its denominator', () => {
    expect(counts('home')).toEqual({ happy: 10, okay: 0, sad: 10, 'dont-know': 0 })
    expect(question('home').denominator).toEqual(shown(20))
    expect(question('home').headline?.percentage).toBe(50)
    expect(question('home').notAsked).toEqual(shown(20))
    expect(question('home').noAnswer).toEqual(shown(0))
  })

  it('leaves version 1 out of a question added in version 2', () => {
    expect(counts('club')).toEqual({ yes: 10, no: 10, 'not-sure': 0 })
    expect(question('club').denominator).toEqual(shown(20))
    expect(question('club').options[0]?.percentage).toBe(50)
    expect(question('club').notAsked).toEqual(shown(20))
  })

  it('counts a conditional question only among those asked it: B and D were skipped past it', () => {
    expect(counts('helped-how')).toEqual({ 'more-time': 10, 'someone-to-talk': 10 })
    expect(question('helped-how').answered).toEqual(shown(20))
    expect(question('helped-how').denominator).toEqual(shown(20))
    expect(question('helped-how').options[0]?.percentage).toBe(50)
    expect(question('helped-how').notAsked).toEqual(shown(20))
    expect(question('helped-how').noAnswer).toEqual(shown(0))
  })

  it('tells a blank answer from one not asked: A and D left the comments blank', () => {
    expect(question('comments').answered).toEqual(shown(20))
    expect(question('comments').textAnswers).toEqual(shown(20))
    expect(question('comments').noAnswer).toEqual(shown(20))
    expect(question('comments').notAsked).toEqual(shown(0))
  })

  it('withholds "not asked" and "no answer" together when either is small', async () => {
    const { results: welsh } = await loadResultsAcrossVersions(database.db, {
      ...survey,
      filter: { language: 'cy' },
      threshold: 10,
    })
    // The 10 Welsh responses (C) all answered version 2: nobody is small, so all is shown.
    const home = welsh.questions.find((each) => each.questionId === 'home')
    expect(home?.notAsked).toEqual(shown(10))
    const { results: higher } = await loadResultsAcrossVersions(database.db, {
      ...survey,
      filter: {},
      threshold: 25,
    })
    const comments = higher.questions.find((each) => each.questionId === 'comments')
    expect(comments?.notAsked).toEqual({ value: null, suppressed: true })
    expect(comments?.noAnswer).toEqual({ value: null, suppressed: true })
  })
})

describe('the results page across an edit', () => {
  const page = async (language = 'en') => {
    const response = await viewer.get(`${paths.manage.results(survey.slug)}?lang=${language}`)
    expect(response.status).toBe(200)
    return pageText(response.text)
  }

  it('labels questions with their newest words and says what changed between versions', async () => {
    const text = await page()
    expect(text).toContain('People listened to me.')
    expect(text).not.toContain('I felt listened to. ')
    expect(text).toContain('Words changed in version 2: was “I felt listened to.”')
    expect(text).toContain('How do you feel about home? Versions of this question Only in version 1')
    expect(text).toContain('Do you go to a parents’ club? Versions of this question Only in version 2')
    expect(text).toContain('Answer “On foot” changed in version 2: was “Walk”')
    expect(text).toContain('Answer “Car” only in version 1')
    expect(text).toContain('Answer “Train” only in version 2')
  })

  it('shows "Not asked" apart from "No answer", and says neither is in the percentages', async () => {
    const text = await page()
    expect(text).toContain('How did they help?')
    expect(text).toMatch(/How did they help\?.*Not asked: 20/)
    expect(text).toMatch(/Anything else\?.*No answer: 20/)
    expect(text).toContain("They are not in that question's numbers or percentages.")
  })

  it('says the same in Welsh and Urdu', async () => {
    const welsh = await page('cy')
    expect(welsh).toContain('Roedd pobl yn gwrando arna i.')
    expect(welsh).toContain(
      'Newidiodd y geiriau yn fersiwn 2: roedd yn “Roeddwn i’n teimlo bod rhywun yn gwrando.”',
    )
    expect(welsh).toContain('Heb ei ofyn: 20')
    expect(welsh).toContain('Dim ateb: 20')
    const urdu = await page('ur')
    expect(urdu).toContain('صرف ورژن 1 میں')
    expect(urdu).toContain('نہیں پوچھا گیا: 20')
  })
})

describe('the comments page across an edit', () => {
  it('still lists what was written to a free-text question a later version dropped', async () => {
    const edited = await insertVersionedSurvey(database.db)
    await publishVersion(database.db, {
      ...edited,
      version: 3,
      template: secondVersion,
      definition: {
        questions: secondVersion.definition.questions.filter((question) => question.id !== 'comments'),
      },
    })
    const testApp = await buildTestApp(database.db)
    const reader = await signedInAs(testApp.app, database.db, {
      organisationId: edited.organisationId,
      role: 'viewer',
    })
    const response = await reader.get(paths.manage.comments(edited.slug))
    expect(response.status).toBe(200)
    const text = pageText(response.text)
    expect(text).toContain('Anything else?')
    expect(text).toContain('Fine')
  })
})
