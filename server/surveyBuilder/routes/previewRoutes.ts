import type { Request, Response } from 'express'
import { recordAudit } from '../../audit/recordAudit'
import type { Database } from '../../db/database'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { offeredLanguages } from '../model/workingCopy'
import type { BuilderSurvey } from '../store/builderQueries'
import { loadBuilder, toFormErrors } from './builderRequest'
import { endPreview } from './previewSession'

function render(req: Request, res: Response, survey: BuilderSurvey, errors: FormErrors) {
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/preview', {
    pageTitle: req.t('builder.preview.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.builder.home(survey.slug),
    action: paths.manage.builder.preview(survey.slug),
    endAction: paths.manage.builder.previewEnd(survey.slug),
    previewing: req.session.builderPreview?.surveyId === survey.surveyId,
    easyRead: survey.copy.definition.easyRead,
    languages: offeredLanguages(survey.copy).map((code, index) => ({
      value: code,
      text: req.t(`builder.languages.${code}`),
      checked: index === 0,
    })),
  })
}

export function previewPage(db: Database) {
  return async (req: Request, res: Response) => {
    render(req, res, await loadBuilder(db, req), noErrors)
  }
}

/**
 * Starts going through the working copy on the respondent's own pages, in the chosen language (and as
 * easy read if asked). Any earlier preview of the survey, and its draft, ends first.
 */
export function startPreview(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadBuilder(db, req)
    const body = (req.body ?? {}) as Record<string, unknown>
    const language = offeredLanguages(survey.copy).find((code) => code === body.language)
    if (!language) {
      render(
        req,
        res,
        survey,
        toFormErrors([{ field: 'language', key: 'builder.errors.languageRequired' }], req.t),
      )
      return
    }
    const key = {
      ...survey,
      organisationId: officer.organisationId,
      organisationSlug: officer.organisationSlug,
    }
    await endPreview(db, req, res, key)
    // Who looked at unpublished questions is worth knowing; the preview itself keeps nothing else.
    await recordAudit(db, {
      organisationId: officer.organisationId,
      officer,
      action: 'survey-previewed',
      subject: survey.slug,
      details: { language, easyRead: body.easyRead === 'yes' },
    })
    req.session.builderPreview = {
      surveyId: survey.surveyId,
      easyRead: body.easyRead === 'yes',
      draftIds: [],
    }
    res.redirect(303, `${paths.respond.start(officer.organisationSlug, survey.slug)}?lang=${language}`)
  }
}

export function stopPreview(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadBuilder(db, req)
    await endPreview(db, req, res, {
      ...survey,
      organisationId: officer.organisationId,
      organisationSlug: officer.organisationSlug,
    })
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}
