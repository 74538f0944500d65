import type { Queryable } from '../../server/db/database'
import { insertOutcomes } from '../../server/scorecards/store/outcomeQueries'
import { readOutcomeStatements } from '../../server/surveys/templates'

/** The "I need" outcome statements a survey from the templates evidences, added to an organisation. */
export async function addINeedOutcomes(db: Queryable, organisationId: string): Promise<void> {
  await insertOutcomes(
    db,
    organisationId,
    readOutcomeStatements('i-need').map((slug) => ({ slug, statement: `I need ${slug}` })),
  )
}

/** Rows of every table an import writes, to show a refused import wrote none. */
export async function importedRows(db: Queryable): Promise<Record<string, number>> {
  const rows = await db.query<{ surveys: number; versions: number; audit: number }>(
    `SELECT (SELECT count(*) FROM surveys)::integer AS surveys,
            (SELECT count(*) FROM survey_versions)::integer AS versions,
            (SELECT count(*) FROM audit_events)::integer AS audit`,
  )
  return { ...rows[0] }
}

export interface StoredSurvey {
  slug: string
  status: string
  template_id: string
  versions: number[]
  definition: unknown
  words: unknown
}

/** A survey as stored, by slug, with all its versions' numbers and the newest version's pair. */
export async function storedSurvey(
  db: Queryable,
  organisationId: string,
  slug: string,
): Promise<StoredSurvey | undefined> {
  const rows = await db.query<StoredSurvey>(
    `SELECT s.slug, s.status, s.template_id,
            (SELECT array_agg(version ORDER BY version) FROM survey_versions v
              WHERE v.organisation_id = s.organisation_id AND v.survey_id = s.id) AS versions,
            (SELECT definition FROM survey_versions v WHERE v.organisation_id = s.organisation_id
                AND v.survey_id = s.id ORDER BY version DESC LIMIT 1) AS definition,
            (SELECT words FROM survey_versions v WHERE v.organisation_id = s.organisation_id
                AND v.survey_id = s.id ORDER BY version DESC LIMIT 1) AS words
       FROM surveys s WHERE s.organisation_id = $1 AND s.slug = $2`,
    [organisationId, slug],
  )
  return rows[0]
}

/** Audit rows of one action in an organisation, as "action subject" lines. */
export async function auditLines(db: Queryable, organisationId: string, action: string): Promise<string[]> {
  const rows = await db.query<{ line: string }>(
    `SELECT action || ' ' || coalesce(subject, '') || ' ' || actor AS line FROM audit_events
      WHERE organisation_id = $1 AND action = $2 ORDER BY occurred_at, id`,
    [organisationId, action],
  )
  return rows.map((row) => row.line)
}

/**
 * A file with one of each kind of problem, each at a known path: the shape (a type that does not
 * exist, a missing field, a field Heard does not know, an id that is not an id, too few options),
 * words missing for a question, an option, a described picture and an offered language, and an
 * outcome the organisation lacks. (Rules between questions, such as a condition pointing forward,
 * are checked once every question has a valid shape: see the test of a condition.)
 */
export function fileWithEveryKindOfProblem(): Record<string, unknown> {
  return {
    $schema: 'https://heard.example/schemas/survey-file.schema.json',
    format: 'heard-survey',
    formatVersion: 1,
    definition: {
      id: 'Bad Survey',
      audience: 'young-person',
      easyRead: true,
      languages: ['en', 'cy', 'ur'],
      colour: 'blue',
      questions: [
        { id: 'first', type: 'importance', outcome: 'not-an-outcome-here' },
        { id: 'second', type: 'sliding-scale' },
        { id: 'third', type: 'single-choice', options: ['only-one'] },
        { id: 'fourth', type: 'single-choice', options: ['bus', 'train'] },
        { id: 'fifth', type: 'faces', picture: { name: 'house', alt: 'described' } },
        { id: 'sixth', type: 'yes-no-not-sure' },
        { id: 'seventh', type: 'yes-no-not-sure' },
      ],
    },
    words: {
      en: {
        title: 'A bad survey',
        start: { purpose: ['Testing.'], answers: ['Nobody reads these.'] },
        questions: {
          first: { title: 'First' },
          second: { title: 'Second' },
          third: { title: 'Third', options: { 'only-one': 'Only one' } },
          fourth: { title: 'Fourth', options: { bus: 'Bus' } },
          fifth: { title: 'Fifth' },
          sixth: { title: 'Sixth' },
          seventh: { title: 'Seventh' },
        },
      },
      cy: {
        title: 'Arolwg gwael',
        start: { purpose: ['Profi.'], answers: ['Does neb yn darllen y rhain.'] },
        questions: {
          first: { title: 'Cyntaf' },
          second: { title: 'Ail' },
          third: { title: 'Trydydd', options: { 'only-one': 'Un yn unig' } },
          fourth: { title: 'Pedwerydd', options: { bus: 'Bws', train: 'Trên' } },
          fifth: { title: 'Pumed', pictureAlt: 'Tŷ' },
          sixth: { title: 'Chweched' },
        },
      },
    },
  }
}

/** Each problem in fileWithEveryKindOfProblem as "path: English words", as the command line prints them. */
export const everyKindOfProblem = [
  'definition.id: Use lower-case letters and numbers, with a single hyphen between words',
  'definition.estimatedMinutes: This is missing',
  'definition: Heard does not know "colour" here',
  'definition.questions[1].type: This must be one of:',
  'definition.questions[2].options: This list must have at least 2 items',
  'definition.questions[0].outcome: Your organisation has no outcome “not-an-outcome-here”',
  'words.ur: The survey offers the language ur, but the file has no words in it',
  'words.cy.questions.seventh: There are no words for the question seventh',
  'words.en.questions.fourth.options.train: There are no words for the answer train',
  "words.en.questions.fifth.pictureAlt: The question's picture is described, so it needs a description (pictureAlt)",
]
