import type { Database } from '../../server/db/database'
import { createTranslator } from '../../server/i18n/translator'
import { saveCommentary } from '../../server/scorecards/store/commentaryQueries'
import { saveAdministrativeValues } from '../../server/scorecards/store/factQueries'
import { startFrameworkFromTemplate } from '../../server/scorecards/store/frameworkTemplate'
import { indicatorHandle } from '../../server/scorecards/model/indicatorHandle'
import {
  insertIndicator,
  listIndicators,
  replaceTargets,
} from '../../server/scorecards/store/indicatorQueries'
import { listOutcomes } from '../../server/scorecards/store/outcomeQueries'
import { parsePeriod } from '../../server/scorecards/model/periods'
import { saveReferenceValues } from '../../server/scorecards/store/referenceQueries'
import { saveTranslations } from '../../server/scorecards/store/translationQueries'
import { publishScorecard } from '../../server/scorecards/store/publishing'
import { recomputeFacts } from '../../server/scorecards/store/recomputeFacts'
import { insertYouSaidWeDid } from '../../server/scorecards/store/youSaidWeDidQueries'
import { conditionalSurvey } from '../fixtures/conditionalSurvey'
import { insertVersionedSurveyIn } from '../versions/versionedSurvey'
import { easyReadProblems } from '../fixtures/easyReadProblems'
import { everyQuestionType } from '../fixtures/everyQuestionType'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { insertResponses, type PlannedResponse } from '../helpers/insertResponses'
import { addOfficer } from '../helpers/officers'
import { importanceQuestions } from '../helpers/scorecards'
import { seedSafety, type SeededAlerts } from './seedSafety'

/** What the scorecard pages are reached by: indicator handles (2-3 for 2.3) and quarters. */
export interface SeededScorecard {
  /** An outcome with indicators that have figures, a target and a withheld quarter. */
  outcome: string
  surveyIndicator: string
  administrativeIndicator: string
  /** The quarter with figures, and the one published. */
  quarter: string
}

export interface Seeded {
  organisation: string
  everyQuestionType: string
  /** A survey with conditions, number questions and information pages. */
  conditional: string
  /** A survey edited after it had responses: two versions, both answered. */
  versioned: string
  whatINeed: string
  ehcpExperience: string
  /** A draft easy-read survey whose words fail the easy-read checks. */
  wordsProblems: string
  closed: string
  /** An admin per language, so the two tours running side by side each sign in by their own email. */
  admins: Record<'en' | 'ur', string>
  scorecard: SeededScorecard
  /** A reference per language for the erasure pages to erase. */
  erasable: Record<'en' | 'ur', string>
  alerts: Record<'en' | 'ur', SeededAlerts>
}

/**
 * Ratings of every outcome question on days of one month (monthIndex 0-11) of 2026: in every ten,
 * one "Don't know" and `share` "Very important", one more for each question down the list, and
 * `shift` more in a later quarter so the figures move.
 */
function ratedResponses(count: number, monthIndex: number, shift: number): PlannedResponse[] {
  return Array.from({ length: count }, (_, index) => ({
    answers: {
      ...Object.fromEntries(
        importanceQuestions.map((question, place) => {
          const share = Math.min(8, 2 + place + shift)
          const tenth = index % 10
          return [question, tenth === 9 ? 'dont-know' : tenth < share ? 'very-important' : 'important']
        }),
      ),
      'age-group': index % 2 === 0 ? '8-11' : '12-15',
      helper: 'no',
    },
    submittedAt: new Date(Date.UTC(2026, monthIndex, 1 + (index % 28), 12)),
  }))
}

/**
 * A scorecard with something in every state: the framework from the template (two surveys, so
 * two indicators an outcome), figures for 2026-Q2 and 2026-Q3, a quarter withheld for too few
 * responses, a target (so a RAG rating), an administrative indicator with entered values,
 * commentary, "You said, we did", and 2026-Q3 published.
 */
async function seedScorecard(
  db: Database,
  organisation: { id: string; slug: string },
  surveys: { whatINeed: string; closed: string },
  admin: { id: string; email: string },
): Promise<SeededScorecard> {
  const organisationId = organisation.id
  const survey = { organisationId }
  await insertResponses(db, { ...survey, surveyId: surveys.whatINeed }, [
    ...ratedResponses(40, 4, 0),
    ...ratedResponses(60, 7, 1),
  ])
  // Too few to show, so its figure is withheld.
  await insertResponses(db, { ...survey, surveyId: surveys.closed }, ratedResponses(4, 7, 0))
  await startFrameworkFromTemplate(db, {
    organisationId,
    frameworkId: 'i-need',
    t: (await createTranslator())('en'),
    language: 'en',
  })
  const outcomes = await listOutcomes(db, organisationId)
  const indicators = await listIndicators(db, organisationId)
  // The what-i-need indicator of an outcome, given a target so that it is rated red, amber or green.
  const rated = async (outcomeSlug: string, target: number) => {
    const outcome = outcomes.find((each) => each.slug === outcomeSlug)
    const indicator = indicators.find(
      (each) => each.outcomeId === outcome?.id && each.survey?.id === surveys.whatINeed,
    )
    if (!indicator) throw new Error(`The framework template gave no indicator for ${outcomeSlug}`)
    await replaceTargets(db, organisationId, indicator.id, [{ date: '2027-03-31', value: target }])
    return indicator
  }
  const listened = await rated('listened-to', 60)
  await rated('healthiest', 47)
  await rated('safe', 50)
  const preparedAt = outcomes.findIndex((outcome) => outcome.slug === 'prepared-future')
  const prepared = outcomes[preparedAt]
  if (!prepared) throw new Error('The framework template gave no outcome prepared-future')
  // The next number in the outcome's group, after the template's suggestions: 5.3 after 5.1 and 5.2.
  const inGroup = indicators.filter((each) => each.outcomeId === prepared.id).length
  const number = `${preparedAt + 1}.${inGroup + 1}`
  const administrative = await insertIndicator(db, organisationId, {
    outcomeId: prepared.id,
    number,
    wording: 'Young people with an EHCP in education, employment or training at 17',
    kind: 'administrative',
    unit: 'percentage',
    goodIs: 'up',
    frequency: 'quarterly',
    source: 'Post-16 tracking return',
    dataOwner: 'Post-16 team',
    baseline: { value: 52, date: '2025-12-31' },
    amberTolerance: 5,
    surveyId: null,
    counting: null,
  })
  if (!administrative) throw new Error('Could not add the administrative indicator')
  await replaceTargets(db, organisationId, administrative, [{ date: '2027-03-31', value: 65 }])
  await saveAdministrativeValues(
    db,
    organisationId,
    [
      { indicatorId: administrative, period: '2026-Q1', value: 54 },
      { indicatorId: administrative, period: '2026-Q2', value: 57.5 },
      { indicatorId: administrative, period: '2026-Q3', value: 61.5 },
    ],
    admin.email,
  )
  await saveCommentary(
    db,
    { organisationId, indicatorId: administrative, period: '2026-Q3' },
    'Up again this quarter, after the new supported internships began in July.',
  )
  await insertYouSaidWeDid(db, {
    organisationId,
    youSaid: 'There was nothing to do in the holidays near home.',
    weDid: 'We funded three holiday clubs that welcome children with SEND.',
    createdBy: admin.email,
    surveyId: surveys.whatINeed,
  })
  // Comparison figures beside a survey and an administrative figure, and one outcome in Welsh, so
  // the published pages show both in every language.
  await saveReferenceValues(
    db,
    organisationId,
    [
      {
        indicatorId: administrative,
        period: '2026-Q3',
        area: 'england',
        value: 58.2,
        source: 'Made-up figures',
      },
      {
        indicatorId: listened.id,
        period: '2026-Q3',
        area: 'england',
        value: 71.4,
        source: 'Made-up figures',
      },
      { indicatorId: listened.id, period: '2026-Q3', area: 'region', value: 64.9, source: 'Made-up figures' },
    ],
    admin.email,
  )
  await saveTranslations(
    db,
    organisationId,
    'cy',
    [
      {
        subject: 'outcome',
        subjectId: listened.outcomeId ?? '',
        text: 'Mae angen i mi gael fy ngwrando a’m clywed.',
      },
    ],
    admin.email,
  )
  await recomputeFacts(db, organisationId)
  const quarter = parsePeriod('quarterly', '2026-Q3')
  if (!quarter) throw new Error('2026-Q3 is not a quarter')
  const [row] = await db.query<{ name: string; small_number_threshold: number }>(
    'SELECT name, small_number_threshold FROM organisations WHERE id = $1',
    [organisationId],
  )
  await publishScorecard(db, {
    organisation: {
      ...organisation,
      name: row?.name ?? organisation.slug,
      smallNumberThreshold: row?.small_number_threshold ?? 10,
    },
    asAt: quarter,
    officer: admin,
  })
  return {
    outcome: 'listened-to',
    surveyIndicator: indicatorHandle(listened.number),
    administrativeIndicator: indicatorHandle(number),
    quarter: quarter.key,
  }
}

/** One organisation with both templates, the every-question-type fixture, a closed survey and a scorecard. */
export async function seedSurveys(db: Database): Promise<Seeded> {
  const organisation = await insertOrganisation(db, 'a11y-council')
  const { id, slug } = organisation
  const add = async (
    template: Parameters<typeof insertSurvey>[1]['template'],
    slug: string,
    status: 'open' | 'closed' = 'open',
  ) => insertSurvey(db, { organisationId: id, template, slug, status })
  const admins = { en: 'admin-en@a11y-council.example', ur: 'admin-ur@a11y-council.example' }
  const officers = []
  for (const email of Object.values(admins)) officers.push(await addOfficer(db, id, 'admin', email))
  const whatINeed = await insertSurvey(db, { organisationId: id, template: 'what-i-need' })
  await insertResponses(
    db,
    { organisationId: id, surveyId: whatINeed.surveyId },
    Array.from({ length: 30 }, (_, index) => ({
      answers: {
        'listened-to': index % 3 === 0 ? 'dont-know' : 'very-important',
        healthiest: index % 2 === 0 ? 'important' : 'very-important',
        'life-better': index < 12 ? `More clubs near home (${index})` : null,
        'age-group': index < 4 ? '8-11' : '12-15',
        helper: 'no',
      },
    })),
  )
  const closed = await add('what-i-need', 'closed-survey', 'closed')
  const seeded = {
    admins,
    organisation: slug,
    everyQuestionType: (await add(everyQuestionType, 'every-question-type')).slug,
    conditional: (await add(conditionalSurvey, 'pets-and-you')).slug,
    versioned: (await insertVersionedSurveyIn(db, id)).slug,
    whatINeed: whatINeed.slug,
    ehcpExperience: (await add('ehcp-experience', 'ehcp-experience')).slug,
    wordsProblems: (
      await insertSurvey(db, { organisationId: id, template: easyReadProblems, status: 'draft' })
    ).slug,
    closed: closed.slug,
  }
  const [admin] = officers
  if (!admin) throw new Error('No admin to publish the scorecard')
  const scorecard = await seedScorecard(
    db,
    organisation,
    { whatINeed: whatINeed.surveyId, closed: closed.surveyId },
    admin,
  )
  return { ...seeded, scorecard, ...(await seedSafety(db, id, whatINeed.surveyId)) }
}
