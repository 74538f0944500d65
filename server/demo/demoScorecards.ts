import type { Database } from '../db/database'
import type { Translate } from '../i18n/translator'
import { replaceTargets, findIndicator, insertIndicator } from '../scorecards/store/indicatorQueries'
import { saveAdministrativeValues } from '../scorecards/store/factQueries'
import { startFrameworkFromTemplate } from '../scorecards/store/frameworkTemplate'
import { listOutcomes } from '../scorecards/store/outcomeQueries'
import { periodContaining, periodsEndingWith, previousPeriod } from '../scorecards/model/periods'
import { publishScorecard } from '../scorecards/store/publishing'
import { insertYouSaidWeDid } from '../scorecards/store/youSaidWeDidQueries'
import { listManagedSurveys } from '../surveyManagement/queries'
import { londonToday } from '../i18n/londonDates'
import { insertDemoResponses } from './demoResponses'

/**
 * The demo's scorecards: a year of made-up responses to both surveys, the "I need" framework with
 * its suggested indicators, an administrative indicator with figures and targets, a "You said, we
 * did" entry, and the last full quarter published.
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
    quarter: previousPeriod(thisQuarter),
    officer: organisation.admin,
  })
}
