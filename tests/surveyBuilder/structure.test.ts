import { paths } from '../../server/paths'
import { questionKinds } from '../../server/surveyBuilder/model/questionKinds'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { copyOf, snapshot, submit } from './builderHelpers'

let database: TestDatabase
let testApp: TestApp
let organisation: { id: string; slug: string }
let analyst: Agent
let admin: Agent
const builder = paths.manage.builder
const slug = 'ehcp-experience'

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  organisation = await insertOrganisation(database.db)
  await insertSurvey(database.db, {
    organisationId: organisation.id,
    template: 'ehcp-experience',
    status: 'draft',
  })
  analyst = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'analyst' })
  admin = await signedInAs(testApp.app, database.db, { organisationId: organisation.id, role: 'admin' })
})
afterAll(() => database.drop())

const ids = async () =>
  (await copyOf(database.db, organisation.id, slug)).definition.questions.map((q) => q.id)

/** The smallest valid form for each kind, in English, Welsh and Urdu. */
function formFor(kind: string, title: string): Record<string, string> {
  const words = { 'title-en': title, 'title-cy': `${title} (cy)`, 'title-ur': `${title} (ur)` }
  const base = { rows: '0', optional: 'yes', ...words }
  if (kind === 'single-choice' || kind === 'multiple-choice')
    return {
      ...base,
      rows: '2',
      'option-0-en': 'First',
      'option-0-cy': 'Cyntaf',
      'option-0-ur': 'پہلا',
      'option-1-en': 'Second',
      'option-1-cy': 'Ail',
      'option-1-ur': 'دوسرا',
    }
  if (kind === 'age-group') return { ...base, bands: '5-7, 8-11' }
  if (kind === 'free-text') return { ...base, maxLength: '500' }
  if (kind === 'i-need-statement') return { ...base, outcome: 'safe' }
  return base
}

describe('every kind of question', () => {
  it('adds one of each, each passing the survey schema', async () => {
    await database.db.query(
      `INSERT INTO outcomes (organisation_id, id, slug, position, statement) VALUES ($1, gen_random_uuid(), 'safe', 1, 'I need to be safe')`,
      [organisation.id],
    )
    for (const kind of questionKinds()) {
      const form = builder.newQuestion(slug, kind)
      const added = await submit(analyst, form, form, formFor(kind, `A ${kind} question`))
      expect([kind, added.status]).toEqual([kind, 303])
    }
    const copy = await copyOf(database.db, organisation.id, slug)
    const types = copy.definition.questions.map((question) => question.type)
    for (const type of [
      'importance',
      'agreement',
      'faces',
      'yes-no-not-sure',
      'single-choice',
      'multiple-choice',
      'free-text',
      'age-group',
      'number',
    ])
      expect(types).toContain(type)
    expect(copy.definition.questions.find((question) => question.outcome === 'safe')).toMatchObject({
      type: 'importance',
    })
  })

  it('edits a question: new words per language and optional', async () => {
    const id = 'a-number-question'
    const edited = await submit(analyst, builder.question(slug, id), builder.question(slug, id), {
      ...formFor('number', 'How many weeks did it take?'),
      'title-ur': 'کتنے ہفتے لگے؟',
      optional: 'no',
    })
    expect(edited.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.words.ur?.questions[id]?.title).toBe('کتنے ہفتے لگے؟')
    expect(copy.definition.questions.find((question) => question.id === id)?.optional).toBe(false)
  })

  it('removes an answer by emptying its row, and adds another in a new row', async () => {
    const id = 'a-single-choice-question'
    const edited = await submit(analyst, builder.question(slug, id), builder.question(slug, id), {
      ...formFor('single-choice', 'A single-choice question'),
      rows: '3',
      'option-1-id': 'second',
      'option-1-en': '',
      'option-1-cy': '',
      'option-1-ur': '',
      'option-0-id': 'first',
      'option-2-en': 'Third',
      'option-2-cy': 'Trydydd',
      'option-2-ur': 'تیسرا',
    })
    expect(edited.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition.questions.find((question) => question.id === id)).toMatchObject({
      options: ['first', 'third'],
    })
    expect(copy.words.en?.questions[id]?.options).toEqual({ first: 'First', third: 'Third' })
  })

  it('answers 404 for an unknown question or kind', async () => {
    expect((await analyst.get(builder.question(slug, 'no-such-question'))).status).toBe(404)
    expect((await analyst.get(builder.newQuestion(slug, 'essay'))).status).toBe(404)
    expect((await analyst.get(builder.questionCondition(slug, 'Bad_Id'))).status).toBe(404)
  })
})

describe('pictures', () => {
  it('shows each picture with its name, and saves a described picture with a description per language', async () => {
    const id = 'a-faces-question'
    const page = await analyst.get(builder.questionPicture(slug, id))
    expect(page.text).toMatch(
      /<img class="heard-option-picture" src="\/pictures\/ear.svg" alt="" width="48" height="48">\s*An ear/,
    )
    const refused = await submit(
      analyst,
      builder.questionPicture(slug, id),
      builder.questionPicture(slug, id),
      {
        picture: 'ear',
        alt: 'described',
        'description-en': 'An ear, listening',
      },
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<a href="#description-cy">')
    const saved = await submit(
      analyst,
      builder.questionPicture(slug, id),
      builder.questionPicture(slug, id),
      {
        picture: 'ear',
        alt: 'described',
        'description-en': 'An ear, listening',
        'description-cy': 'Clust yn gwrando',
        'description-ur': 'سنتا ہوا کان',
      },
    )
    expect(saved.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition.questions.find((question) => question.id === id)?.picture).toEqual({
      name: 'ear',
      alt: 'described',
    })
    expect(copy.words.cy?.questions[id]?.pictureAlt).toBe('Clust yn gwrando')
  })
})

describe('conditions', () => {
  const target = 'a-free-text-question'
  const on = 'a-single-choice-question'

  it('asks a question only after an earlier answer', async () => {
    const page = await analyst.get(`${builder.questionCondition(slug, target)}?on=${on}`)
    expect(page.text).toContain('value="first"')
    const saved = await submit(
      analyst,
      builder.questionCondition(slug, target),
      builder.questionCondition(slug, target),
      {
        on,
        answers: ['first'],
      },
    )
    expect(saved.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition.questions.find((question) => question.id === target)?.askIf).toEqual({
      question: on,
      answers: ['first'],
    })
  })

  it('rejects a condition on a later question with the schema message on the field, writing nothing', async () => {
    const before = await snapshot(database.db)
    const refused = await submit(
      analyst,
      builder.questionCondition(slug, on),
      builder.questionCondition(slug, on),
      {
        on: 'a-number-question',
        answers: ['dont-know'],
      },
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain(
      '<a href="#on">question a-number-question comes later; a condition must point back</a>',
    )
    expect(await snapshot(database.db)).toBe(before)
  })

  it('refuses to remove or move a question others depend on, saying which', async () => {
    const before = await snapshot(database.db)
    const removal = await submit(
      analyst,
      builder.questionRemove(slug, on),
      builder.questionRemove(slug, on),
      {},
    )
    expect(removal.status).toBe(400)
    expect(removal.text).toContain(
      'Other questions are asked only after an answer to this one: A free-text question',
    )
    // Up past the questions between them is fine; up past the one it depends on is not.
    const order = await ids()
    for (let step = order.indexOf(target) - order.indexOf(on); step > 1; step -= 1) {
      const allowed = await submit(analyst, builder.home(slug), builder.questionMove(slug, target), {
        direction: 'up',
      })
      expect(allowed.status).toBe(303)
    }
    const now = await ids()
    expect(now.indexOf(target)).toBe(now.indexOf(on) + 1)
    const afterAllowed = await snapshot(database.db)
    const moved = await submit(analyst, builder.home(slug), builder.questionMove(slug, target), {
      direction: 'up',
    })
    expect(moved.status).toBe(400)
    expect(moved.text).toContain('so it must stay after it')
    expect(await snapshot(database.db)).toBe(afterAllowed)
    expect(before).not.toBe(afterAllowed)
  })
})

describe('information pages and about you', () => {
  it('adds an information page before a chosen question', async () => {
    const added = await submit(analyst, builder.newPage(slug), builder.newPage(slug), {
      'title-en': 'About the plan',
      'title-cy': 'Am y cynllun',
      'title-ur': 'منصوبے کے بارے میں',
      'body-en': 'The next questions are about the plan.\n\nTake your time.',
      'body-cy': "Mae'r cwestiynau nesaf am y cynllun.",
      'body-ur': 'اگلے سوالات منصوبے کے بارے میں ہیں۔',
      before: 'a-number-question',
    })
    expect(added.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition.informationPages).toEqual([{ id: 'about-the-plan', before: 'a-number-question' }])
    expect(copy.words.en?.pages?.['about-the-plan']?.body).toEqual([
      'The next questions are about the plan.',
      'Take your time.',
    ])
  })

  it('adds the "about you" questions in one step, once', async () => {
    const added = await submit(analyst, builder.home(slug), builder.aboutYou(slug), {})
    expect(added.status).toBe(303)
    const copy = await copyOf(database.db, organisation.id, slug)
    expect(copy.definition.questions.filter((question) => question.aboutYou).length).toBeGreaterThanOrEqual(6)
    const again = await submit(analyst, builder.home(slug), builder.aboutYou(slug), {})
    expect(again.status).toBe(400)
  })
})

describe('easy-read checks', () => {
  it('refuses a long easy-read sentence, and lets an admin save it with an audited override', async () => {
    await database.db.query(
      `UPDATE survey_working_copies SET definition = jsonb_set(definition, '{easyRead}', 'true')
        WHERE organisation_id = $1`,
      [organisation.id],
    )
    const long =
      'This sentence has far more words in it than anyone reading an easy read survey should ever need to read at once.'
    const form = builder.newQuestion(slug, 'yes-no-not-sure')
    const before = await snapshot(database.db)
    const refused = await submit(analyst, form, form, formFor('yes-no-not-sure', long))
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('govuk-error-summary')
    expect(await snapshot(database.db)).toBe(before)
    const overridden = await submit(admin, form, form, {
      ...formFor('yes-no-not-sure', long),
      override: 'yes',
      overrideReason: 'Agreed with the young people’s forum',
    })
    expect(overridden.status).toBe(303)
    const audit = await database.db.query(
      `SELECT 1 FROM audit_events WHERE action = 'easy-read-checks-overridden'`,
    )
    expect(audit).toHaveLength(1)
  })
})
