import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Database } from '../../db/database'
import { BadRequestError, NotFoundError } from '../../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { postedFields } from '../../forms/postedFields'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { listManagedSurveys } from '../../surveyManagement/queries'
import { wordsFor } from '../../surveys/words'
import { paths } from '../../paths'
import { recordCommentaryChange, recordYouSaidWeDid } from '../../audit/scorecardChanges'
import { listCommentary, saveCommentary } from '../store/commentaryQueries'
import { indicatorHandle } from '../model/indicatorHandle'
import { loadIndicator } from './indicatorPages'
import { parsePeriod, periodContaining } from '../model/periods'
import { periodLabel } from '../model/periodLabel'
import { deleteYouSaidWeDid, insertYouSaidWeDid, listYouSaidWeDid } from '../store/youSaidWeDidQueries'

const commentarySchema = z.object({ commentary: z.string().trim().max(1000, 'errors.commentary.tooLong') })

/** Commentary for one indicator and one of its periods (?period=2026-Q3). */
export const commentaryPage = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const asked = req.method === 'GET' ? req.query.period : (req.body as { period?: unknown }).period
  const period = typeof asked === 'string' ? parsePeriod(indicator.frequency, asked) : undefined
  if (!period) throw new BadRequestError('Not a period of this indicator')
  const officer = signedInOfficer(req)
  const organisationId = officer.organisationId
  let errors: FormErrors = noErrors
  const saved = (await listCommentary(db, organisationId)).get(indicator.id)?.get(period.key) ?? ''
  let values = { commentary: saved }
  if (req.method === 'POST') {
    values = postedFields(req.body, ['commentary']) as typeof values
    const parsed = commentarySchema.safeParse(values)
    if (parsed.success) {
      const commentary = parsed.data.commentary
      await db.transaction(async (tx) => {
        const key = { organisationId, indicatorId: indicator.id, period: period.key }
        const before = (await listCommentary(tx, organisationId)).get(indicator.id)?.get(period.key) ?? ''
        await saveCommentary(tx, key, commentary)
        const change = { indicator: indicator.number, period: period.key, before, after: commentary }
        if (before !== commentary) await recordCommentaryChange(tx, officer, change)
      })
      // Back to the scorecard that shows the period: the organisation's period it ends in.
      const asAt = periodContaining(officer.publishFrequency, period.end)
      res.redirect(303, `${paths.manage.scorecards}?period=${asAt.key}`)
      return
    }
    errors = formErrors(parsed.error, req.t)
  }
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/commentary', {
    pageTitle: req.t('pages.commentary.title', { number: indicator.number }),
    hasErrors: errors.errorList.length > 0,
    errors,
    values,
    indicator: { number: indicator.number, wording: indicator.wording },
    period: { key: period.key, label: periodLabel(period, req.t, req.language) },
    action: paths.manage.scorecardCommentary(indicatorHandle(indicator.number)),
  })
}

const entrySchema = z.object({
  youSaid: z.string().trim().min(1, 'errors.youSaidWeDid.youSaid').max(1000, 'errors.youSaidWeDid.tooLong'),
  weDid: z.string().trim().min(1, 'errors.youSaidWeDid.weDid').max(1000, 'errors.youSaidWeDid.tooLong'),
  survey: z.string().trim(),
})

/** "You said, we did": what families told the partnership and what changed, for the published scorecard. */
export const youSaidWeDidPage = (db: Database) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  let errors: FormErrors = noErrors
  let values = { youSaid: '', weDid: '', survey: '' }
  const surveys = await listManagedSurveys(db, officer.organisationId)
  if (req.method === 'POST') {
    values = postedFields(req.body, ['youSaid', 'weDid', 'survey']) as typeof values
    const parsed = entrySchema.safeParse(values)
    const survey = surveys.find(({ slug }) => slug === values.survey)
    if (parsed.success && (survey || values.survey === '')) {
      const { youSaid, weDid } = parsed.data
      await db.transaction(async (tx) => {
        const entry = { organisationId: officer.organisationId, youSaid, weDid, createdBy: officer.email }
        const surveyId = survey?.surveyId ?? null
        if (await insertYouSaidWeDid(tx, { ...entry, surveyId }))
          await recordYouSaidWeDid(tx, officer, {
            before: null,
            after: { youSaid, weDid, ...(survey ? { survey: survey.slug } : {}) },
          })
      })
      res.redirect(303, paths.manage.scorecardYouSaidWeDid)
      return
    }
    errors = parsed.success
      ? fieldError('survey', 'errors.youSaidWeDid.survey', req.t)
      : formErrors(parsed.error, req.t)
  }
  const titles = new Map(
    surveys.map((survey) => [survey.surveyId, wordsFor(survey.words, req.language).title]),
  )
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/youSaidWeDid', {
    pageTitle: req.t('pages.youSaidWeDid.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    values,
    surveys: surveys.map((survey) => ({
      value: survey.slug,
      text: titles.get(survey.surveyId) ?? survey.slug,
    })),
    entries: (await listYouSaidWeDid(db, officer.organisationId)).map((entry) => ({
      ...entry,
      survey: entry.surveyId ? titles.get(entry.surveyId) : undefined,
    })),
  })
}

export const removeYouSaidWeDid = (db: Database) => async (req: Request, res: Response) => {
  // Only a well-formed uuid reaches SQL: anything else would fail the cast there, not find nothing.
  const id = z.uuid().safeParse((req.body as { entry?: unknown }).entry)
  const officer = signedInOfficer(req)
  const removed =
    id.success &&
    (await db.transaction(async (tx) => {
      const entry = await deleteYouSaidWeDid(tx, officer.organisationId, id.data)
      if (entry) await recordYouSaidWeDid(tx, officer, { before: entry, after: null })
      return entry !== undefined
    }))
  if (!removed) throw new NotFoundError('No such entry')
  res.redirect(303, paths.manage.scorecardYouSaidWeDid)
}
