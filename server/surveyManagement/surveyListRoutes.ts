import type { Request, Response } from 'express'
import { z } from 'zod'
import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { canSeeAlerts } from '../officers/roles'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { countOpenAlerts } from '../safeguarding/alerts/alertReadQueries'
import { paths } from '../paths'
import { insertSurveyFromTemplate } from '../surveys/queries'
import { listTemplateIds, loadTemplate } from '../surveys/templates'
import { wordsFor } from '../surveys/words'
import { surveySummary } from './surveySummary'
import { listManagedSurveys, slugsInUse } from './queries'

export function surveyListPage(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const surveys = await listManagedSurveys(db, officer.organisationId)
    // Open safeguarding alerts come first on the home page, for those who may read them.
    const openAlerts = canSeeAlerts(officer.role) ? await countOpenAlerts(db, officer.organisationId) : 0
    res.render('manage/surveys', {
      pageTitle: req.t('pages.manageSurveys.title'),
      openAlerts,
      surveys: surveys.map((survey) => ({
        ...surveySummary(survey, req, officer),
        href: paths.manage.survey(survey.slug),
      })),
    })
  }
}

const templateChoices = (req: Request) =>
  listTemplateIds().map((id) => ({ value: id, text: wordsFor(loadTemplate(id).words, req.language).title }))

export function newSurveyPage(req: Request, res: Response): void {
  res.render('manage/newSurvey', {
    pageTitle: req.t('pages.newSurvey.title'),
    templates: templateChoices(req),
    error: undefined,
  })
}

/** A free slug for a new survey: the template's id, then -2, -3 and so on. */
function freeSlug(prefix: string, taken: string[]): string {
  if (!taken.includes(prefix)) return prefix
  for (let suffix = 2; ; suffix += 1) if (!taken.includes(`${prefix}-${suffix}`)) return `${prefix}-${suffix}`
}

/** Copies a template into the organisation as a draft survey that only officers can see. */
export function createSurvey(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const parsed = z.object({ template: z.enum(listTemplateIds()) }).safeParse(req.body)
    if (!parsed.success) {
      res.status(400).render('manage/newSurvey', {
        pageTitle: req.t('pages.newSurvey.title'),
        templates: templateChoices(req),
        error: {
          text: req.t('errors.template.required'),
          visuallyHiddenText: req.t('errors.visuallyHidden'),
        },
        hasErrors: true,
      })
      return
    }
    const template = loadTemplate(parsed.data.template)
    const slug = await db.transaction(async (tx) => {
      const chosen = freeSlug(
        template.definition.id,
        await slugsInUse(tx, officer.organisationId, template.definition.id),
      )
      await insertSurveyFromTemplate(tx, {
        organisationId: officer.organisationId,
        slug: chosen,
        template,
        status: 'draft',
      })
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'survey-created',
        subject: chosen,
      })
      return chosen
    })
    res.redirect(303, paths.manage.survey(slug))
  }
}
