import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Database } from '../db/database'
import { BadRequestError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { postedFields } from '../officers/officerForms'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { listCommentary, saveCommentary } from './commentaryQueries'
import { indicatorHandle } from './indicatorQueries'
import { loadIndicator } from './indicatorPages'
import { parsePeriod, periodContaining } from './periods'
import { periodLabel } from './periodLabel'
import { deleteYouSaidWeDid, insertYouSaidWeDid, listYouSaidWeDid } from './youSaidWeDidQueries'

/** The quarter whose scorecard shows a period: the one it ends in. */
const quarterHolding = (period: { end: string }) => periodContaining('quarterly', period.end)

const commentarySchema = z.object({ commentary: z.string().trim().max(1000, 'errors.commentary.tooLong') })

/** Commentary for one indicator and one of its periods (?period=2026-Q3). */
export const commentaryPage = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const asked = req.method === 'GET' ? req.query.period : (req.body as { period?: unknown }).period
  const period = typeof asked === 'string' ? parsePeriod(indicator.frequency, asked) : undefined
  if (!period) throw new BadRequestError('Not a period of this indicator')
  const organisationId = signedInOfficer(req).organisationId
  let errors: FormErrors = noErrors
  let values = {
    commentary: (await listCommentary(db, organisationId)).get(indicator.id)?.get(period.key) ?? '',
  }
  if (req.method === 'POST') {
    values = postedFields(req.body, ['commentary']) as typeof values
    const parsed = commentarySchema.safeParse(values)
    if (parsed.success) {
      await saveCommentary(
        db,
        { organisationId, indicatorId: indicator.id, period: period.key },
        parsed.data.commentary,
      )
      res.redirect(303, `${paths.manage.scorecards}?period=${quarterHolding(period).key}`)
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
})

/** "You said, we did": what families told the partnership and what changed, for the published scorecard. */
export const youSaidWeDidPage = (db: Database) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  let errors: FormErrors = noErrors
  let values = { youSaid: '', weDid: '' }
  if (req.method === 'POST') {
    values = postedFields(req.body, ['youSaid', 'weDid']) as typeof values
    const parsed = entrySchema.safeParse(values)
    if (parsed.success) {
      await insertYouSaidWeDid(db, {
        organisationId: officer.organisationId,
        ...parsed.data,
        createdBy: officer.email,
      })
      res.redirect(303, paths.manage.scorecardYouSaidWeDid)
      return
    }
    errors = formErrors(parsed.error, req.t)
  }
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/youSaidWeDid', {
    pageTitle: req.t('pages.youSaidWeDid.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    values,
    entries: await listYouSaidWeDid(db, officer.organisationId),
  })
}

export const removeYouSaidWeDid = (db: Database) => async (req: Request, res: Response) => {
  const id = (req.body as { entry?: unknown }).entry
  const valid = typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)
  if (!valid || !(await deleteYouSaidWeDid(db, signedInOfficer(req).organisationId, id)))
    throw new BadRequestError('No such entry')
  res.redirect(303, paths.manage.scorecardYouSaidWeDid)
}
