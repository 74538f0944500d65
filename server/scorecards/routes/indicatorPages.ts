import { recordIndicatorChange } from '../../audit/scorecardChanges'
import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { postedFields } from '../../forms/postedFields'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { listManagedSurveys } from '../../surveyManagement/queries'
import { wordsFor } from '../../surveys/words'
import { indicatorHandle } from '../model/indicatorHandle'
import { findIndicator, insertIndicator, replaceTargets, updateIndicator } from '../store/indicatorQueries'
import { indicatorFieldNames, indicatorSchema, targetSlots, targetsFrom } from './indicatorForm'
import { listOutcomes } from '../store/outcomeQueries'
import { directions, frequencies, indicatorKinds, units, type Indicator } from '../model/types'

/** The officer's own organisation's indicator named in the URL (2-3 for 2.3); anything else is a 404. */
export async function loadIndicator(db: Database, req: Request): Promise<Indicator> {
  const handle = (req.params as { indicator?: string }).indicator ?? ''
  // eslint-disable-next-line security/detect-unsafe-regex -- bounded: at most 8 characters, so linear
  const indicator = /^\d{1,2}(-\d{1,2}){0,2}$/.test(handle)
    ? await findIndicator(db, signedInOfficer(req).organisationId, handle)
    : undefined
  if (!indicator) throw new NotFoundError('No such indicator in this organisation')
  return indicator
}

function valuesOf(
  indicator: Indicator | undefined,
  outcomes: { id: string; slug: string }[],
): Record<string, string> {
  if (!indicator)
    return { kind: 'survey', unit: 'percentage', goodIs: 'up', frequency: 'quarterly', amberTolerance: '5' }
  const values: Record<string, string> = {
    number: indicator.number,
    wording: indicator.wording,
    outcome: outcomes.find((outcome) => outcome.id === indicator.outcomeId)?.slug ?? 'overall',
    kind: indicator.kind,
    survey: indicator.survey?.slug ?? '',
    unit: indicator.unit,
    goodIs: indicator.goodIs,
    frequency: indicator.frequency,
    source: indicator.source,
    dataOwner: indicator.dataOwner,
    baselineValue: indicator.baseline ? String(indicator.baseline.value) : '',
    baselineDate: indicator.baseline?.date ?? '',
    amberTolerance: String(indicator.amberTolerance),
  }
  indicator.targets.slice(0, targetSlots.length).forEach((target, index) => {
    values[`target${index + 1}Date`] = target.date
    values[`target${index + 1}Value`] = String(target.value)
  })
  return values
}

async function renderForm(
  db: Database,
  req: Request,
  res: Response,
  form: { indicator?: Indicator; values?: Record<string, string>; errors?: FormErrors },
) {
  const organisationId = signedInOfficer(req).organisationId
  const [outcomes, surveys] = await Promise.all([
    listOutcomes(db, organisationId),
    listManagedSurveys(db, organisationId),
  ])
  const errors = form.errors ?? noErrors
  const t = req.t
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/indicator', {
    pageTitle: form.indicator
      ? t('pages.indicator.editTitle', { number: form.indicator.number })
      : t('pages.indicator.newTitle'),
    hasErrors: errors.errorList.length > 0,
    errors,
    values: form.values ?? valuesOf(form.indicator, outcomes),
    action: form.indicator
      ? paths.manage.scorecardIndicator(indicatorHandle(form.indicator.number))
      : paths.manage.scorecardNewIndicator,
    countingHref:
      form.indicator?.kind === 'survey'
        ? paths.manage.scorecardCounting(indicatorHandle(form.indicator.number))
        : undefined,
    outcomes: [
      ...outcomes.map((outcome) => ({ value: outcome.slug, text: outcome.statement })),
      { value: 'overall', text: t('scorecards.overall') },
    ],
    surveys: surveys.map((survey) => ({
      value: survey.slug,
      text: wordsFor(survey.words, req.language).title,
    })),
    kinds: indicatorKinds.map((value) => ({ value, text: t(`scorecards.kind.${value}`) })),
    units: units.map((value) => ({ value, text: t(`scorecards.unit.${value}`) })),
    directions: directions.map((value) => ({ value, text: t(`scorecards.goodIs.${value}`) })),
    frequencies: frequencies.map((value) => ({ value, text: t(`scorecards.frequency.${value}`) })),
    targetSlots,
  })
}

export const indicatorFormPage = (db: Database) => async (req: Request, res: Response) => {
  const indicator = req.params.indicator === undefined ? undefined : await loadIndicator(db, req)
  await renderForm(db, req, res, { indicator })
}

/** Saves an indicator's details and targets; a survey indicator then goes on to how it is counted. */
export const saveIndicator = (db: Database) => async (req: Request, res: Response) => {
  const organisationId = signedInOfficer(req).organisationId
  const existing = req.params.indicator === undefined ? undefined : await loadIndicator(db, req)
  const values = postedFields(req.body, indicatorFieldNames)
  const parsed = indicatorSchema.safeParse(values)
  const refuse = (errors: FormErrors) => renderForm(db, req, res, { indicator: existing, values, errors })
  if (!parsed.success) return refuse(formErrors(parsed.error, req.t))
  const form = parsed.data
  const [outcomes, surveys] = await Promise.all([
    listOutcomes(db, organisationId),
    listManagedSurveys(db, organisationId),
  ])
  const outcome = outcomes.find((each) => each.slug === form.outcome)
  const survey = surveys.find((each) => each.slug === form.survey)
  const problem = (field: string, key: string) => fieldError(field, key, req.t)
  if (!outcome && form.outcome !== 'overall')
    return refuse(problem('outcome', 'errors.indicator.outcome.required'))
  if (form.kind === 'survey' && !survey) return refuse(problem('survey', 'errors.indicator.survey.required'))
  const keepCounting = existing?.survey && survey && existing.survey.id === survey.surveyId
  const fields = {
    outcomeId: outcome?.id ?? null,
    number: form.number,
    wording: form.wording,
    kind: form.kind,
    unit: form.unit,
    goodIs: form.goodIs,
    frequency: form.frequency,
    source: form.source,
    dataOwner: form.dataOwner,
    baseline:
      form.baselineValue !== null && form.baselineDate !== null
        ? { value: form.baselineValue, date: form.baselineDate }
        : null,
    amberTolerance: form.amberTolerance,
    surveyId: form.kind === 'survey' ? (survey?.surveyId ?? null) : null,
    counting: keepCounting ? (existing.survey?.counting ?? null) : null,
  }
  const saved = await db.transaction(async (tx) => {
    const before = existing && (await findIndicator(tx, organisationId, indicatorHandle(existing.number)))
    let id = existing?.id
    if (existing) {
      const clash =
        form.number !== existing.number &&
        (await findIndicator(tx, organisationId, indicatorHandle(form.number)))
      if (clash) return undefined
      await updateIndicator(tx, organisationId, existing.id, fields)
    } else id = await insertIndicator(tx, organisationId, fields)
    if (!id) return undefined
    await replaceTargets(tx, organisationId, id, targetsFrom(form))
    const after = await findIndicator(tx, organisationId, indicatorHandle(form.number))
    if (after) await recordIndicatorChange(tx, signedInOfficer(req), { before, after })
    return id
  })
  if (!saved) return refuse(problem('number', 'errors.indicator.number.taken'))
  const handle = indicatorHandle(form.number)
  res.redirect(
    303,
    form.kind === 'survey' && !keepCounting
      ? paths.manage.scorecardCounting(handle)
      : paths.manage.scorecardFramework,
  )
}
