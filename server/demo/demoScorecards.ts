import type { Database } from '../db/database'
import type { Translate } from '../i18n/translator'
import { replaceTargets, findIndicator, insertIndicator } from '../scorecards/store/indicatorQueries'
import { saveAdministrativeValues } from '../scorecards/store/factQueries'
import { startFrameworkFromTemplate } from '../scorecards/store/frameworkTemplate'
import { listOutcomes } from '../scorecards/store/outcomeQueries'
import { periodContaining, periodsEndingWith, previousPeriod } from '../scorecards/model/periods'
import type { Period } from '../scorecards/model/types'
import { publishScorecard } from '../scorecards/store/publishing'
import { saveReferenceValues } from '../scorecards/store/referenceQueries'
import { saveTranslations } from '../scorecards/store/translationQueries'
import { insertYouSaidWeDid } from '../scorecards/store/youSaidWeDidQueries'
import { createTranslator } from '../i18n/translator'
import { listManagedSurveys } from '../surveyManagement/queries'
import { londonToday } from '../i18n/londonDates'
import { insertDemoResponses } from './demoResponses'

/** Said wherever a demo comparison figure shows, so nobody takes it for a published statistic. */
const madeUp = 'Made-up figures for the demo, not real statistics'

/** England and regional figures beside the demo's own, made up and marked so. */
async function seedComparisons(
  db: Database,
  organisationId: string,
  indicators: { ended: readonly Period[]; timeliness: string | undefined; listened: string | undefined },
): Promise<void> {
  const { ended, timeliness, listened } = indicators
  await saveReferenceValues(
    db,
    organisationId,
    ended.flatMap((quarter, index) => [
      ...(timeliness
        ? [
            {
              indicatorId: timeliness,
              period: quarter.key,
              area: 'england' as const,
              value: [49.2, 50.3, 51.1, 52.4][index] ?? 50,
              source: madeUp,
            },
            {
              indicatorId: timeliness,
              period: quarter.key,
              area: 'region' as const,
              value: [44.8, 46.0, 47.5, 49.9][index] ?? 47,
              source: madeUp,
            },
          ]
        : []),
      ...(listened
        ? [
            {
              indicatorId: listened,
              period: quarter.key,
              area: 'england' as const,
              value: [71.5, 72.0, 72.8, 73.1][index] ?? 72,
              source: madeUp,
            },
          ]
        : []),
    ]),
    'demo',
  )
}

/** The framework's outcome statements in Welsh, as the families agreed them, so the Welsh pages show translated words. */
async function seedWelshStatements(db: Database, organisationId: string): Promise<void> {
  const welsh = (await createTranslator())('cy')
  const outcomes = await listOutcomes(db, organisationId)
  await saveTranslations(
    db,
    organisationId,
    'cy',
    outcomes.map((outcome) => ({
      subject: 'outcome' as const,
      subjectId: outcome.id,
      text: welsh(`outcomeStatements.i-need.${outcome.slug}`),
    })),
    'demo',
  )
}

/**
 * The demo's scorecards: a year of made-up responses to both surveys, the "I need" framework with
 * its suggested indicators, an administrative indicator with figures and targets, made-up England
 * and regional figures to compare with, the outcome statements in Welsh, "You said, we did"
 * entries, and the last full quarter published.
 */
export async function seedDemoScorecards(
  db: Database,
  organisation: { id: string; name: string; slug: string; admin: { id: string; email: string } },
  t: Translate,
): Promise<void> {
  const organisationId = organisation.id
  const thisQuarter = periodContaining('quarterly', londonToday())
  const quarters = periodsEndingWith(thisQuarter, 5)
  const surveys = await listManagedSurveys(db, organisationId)
  for (const survey of surveys)
    await insertDemoResponses(
      db,
      { organisationId, ...survey },
      quarters,
      survey.definition.audience === 'young-person' ? 60 : 40,
    )
  await startFrameworkFromTemplate(db, { organisationId, frameworkId: 'i-need', t, language: 'en' })
  const prepared = (await listOutcomes(db, organisationId)).find(
    (outcome) => outcome.slug === 'prepared-future',
  )
  const ended = quarters.slice(0, -1)
  const timeliness = await insertIndicator(db, organisationId, {
    outcomeId: prepared?.id ?? null,
    number: '5.2',
    wording: '% of new EHCPs issued within 20 weeks',
    kind: 'administrative',
    unit: 'percentage',
    goodIs: 'up',
    frequency: 'quarterly',
    source: 'Council',
    dataOwner: 'SEND service manager',
    baseline: { value: 48, date: ended[0]?.end ?? thisQuarter.start },
    amberTolerance: 5,
    surveyId: null,
    counting: null,
  })
  if (timeliness) {
    await replaceTargets(db, organisationId, timeliness, [
      { date: ended[1]?.end ?? thisQuarter.end, value: 60 },
      { date: thisQuarter.end, value: 70 },
    ])
    await saveAdministrativeValues(
      db,
      organisationId,
      ended.map((quarter, index) => ({
        indicatorId: timeliness,
        period: quarter.key,
        value: [52, 58, 63, 66][index] ?? 60,
      })),
      'demo',
    )
  }
  const listened = await findIndicator(db, organisationId, '1-1')
  if (listened) await replaceTargets(db, organisationId, listened.id, [{ date: thisQuarter.end, value: 75 }])
  await seedComparisons(db, organisationId, { ended, timeliness, listened: listened?.id })
  await seedWelshStatements(db, organisationId)
  await insertYouSaidWeDid(db, {
    organisationId,
    youSaid: 'It was hard to know who to contact about my child’s plan.',
    weDid: 'Every family now has a named caseworker, with their phone number on each letter.',
    createdBy: 'demo',
    surveyId: surveys.find((survey) => survey.definition.audience === 'parent-carer')?.surveyId ?? null,
  })
  await insertYouSaidWeDid(db, {
    organisationId,
    youSaid: 'There is nothing to do in the holidays near home.',
    weDid: 'We paid for three holiday clubs that welcome children and young people with SEND.',
    createdBy: 'demo',
    surveyId: surveys.find((survey) => survey.definition.audience === 'young-person')?.surveyId ?? null,
  })
  await publishScorecard(db, {
    organisation: {
      id: organisationId,
      name: organisation.name,
      slug: organisation.slug,
      smallNumberThreshold: 10,
    },
    asAt: previousPeriod(thisQuarter),
    officer: organisation.admin,
  })
}
