import { Router, type Request, type Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { postedFields } from '../forms/postedFields'
import { requireRole, signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import type { ManagedSurvey } from '../surveyManagement/queries'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import { wordsFor } from '../surveys/words'
import { setRetentionMonths } from './queries'
import { retentionSchema } from './retentionForm'

function render(
  req: Request,
  res: Response,
  survey: ManagedSurvey,
  form: { errors: FormErrors; months: string },
) {
  const failed = form.errors.errorList.length > 0
  res.status(failed ? 400 : 200).render('manage/retention/surveyRetention', {
    pageTitle: req.t('retention.page.title'),
    hasErrors: failed,
    errors: form.errors,
    months: form.months,
    surveyTitle: wordsFor(survey.words, req.language).title,
    organisationMonths: survey.retention.organisationMonths,
    action: paths.manage.surveyRetention(survey.slug),
    surveyHref: paths.manage.survey(survey.slug),
  })
}

/** Analysts set how long a survey's responses are kept after it closes. */
export function retentionRoutes(db: Database): Router {
  const router = Router()
  const analyst = requireRole('analyst')

  router.get('/surveys/:survey/retention', analyst, async (req, res) => {
    const survey = await loadManagedSurvey(db, req)
    render(req, res, survey, { errors: noErrors, months: survey.retention.months?.toString() ?? '' })
  })

  router.post('/surveys/:survey/retention', analyst, async (req, res) => {
    const officer = signedInOfficer(req)
    const survey = await loadManagedSurvey(db, req)
    const values = postedFields(req.body, ['months'])
    const parsed = retentionSchema.safeParse(values)
    if (!parsed.success) {
      render(req, res, survey, { errors: formErrors(parsed.error, req.t), months: values.months ?? '' })
      return
    }
    await db.transaction(async (tx) => {
      await setRetentionMonths(
        tx,
        { organisationId: officer.organisationId, surveyId: survey.surveyId },
        parsed.data.months,
      )
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'retention-changed',
        subject: survey.slug,
        details: { from: survey.retention.months, to: parsed.data.months },
      })
    })
    res.redirect(303, paths.manage.survey(survey.slug))
  })
  return router
}
