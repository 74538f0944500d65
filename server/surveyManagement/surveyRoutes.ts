import type { Request, Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { hasRole } from '../officers/roles'
import { paths } from '../paths'
import { qrCodePng, qrCodeSvg } from '../qrCodes/qrCode'
import { wordsFor } from '../surveys/words'
import { surveySummary } from './surveySummary'
import { closingDateSchema, londonToday } from './closingDate'
import { closeSurvey, findManagedSurvey, openSurvey, setClosingDate, type ManagedSurvey } from './queries'

/** The officer's own organisation's survey named in the URL; any other organisation's is a 404. */
export async function loadManagedSurvey(db: Database, req: Request): Promise<ManagedSurvey> {
  const officer = signedInOfficer(req)
  const slug = (req.params as { survey?: string }).survey ?? ''
  const survey = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/.test(slug)
    ? await findManagedSurvey(db, officer.organisationId, slug)
    : undefined
  if (!survey) throw new NotFoundError('No such survey in this organisation')
  return survey
}

const publicLink = (config: Config, req: Request, slug: string) =>
  `${config.baseUrl}${paths.respond.start(signedInOfficer(req).organisationSlug, slug)}`

function renderSurvey(
  req: Request,
  res: Response,
  survey: ManagedSurvey,
  config: Config,
  form?: { errors: FormErrors; values: Record<string, string> },
) {
  const officer = signedInOfficer(req)
  res.status(form?.errors.errorList.length ? 400 : 200).render('manage/survey', {
    pageTitle: wordsFor(survey.words, req.language).title,
    hasErrors: (form?.errors.errorList.length ?? 0) > 0,
    survey: {
      ...surveySummary(survey, req, officer),
      version: survey.version,
      publicLink: publicLink(config, req, survey.slug),
      previewHref: paths.respond.start(officer.organisationSlug, survey.slug),
      retentionHref: paths.manage.surveyRetention(survey.slug),
      groupSessionsHref: paths.manage.groupSessions(survey.slug),
      heldResponsesHref: paths.manage.heldResponses(survey.slug),
    },
    canRun: hasRole(officer.role, 'analyst'),
    errors: form?.errors ?? noErrors,
    dateValues: form?.values ?? { day: '', month: '', year: '' },
  })
}

export function surveyPage(db: Database, config: Config) {
  return async (req: Request, res: Response) => {
    renderSurvey(req, res, await loadManagedSurvey(db, req), config)
  }
}

export function changeStatus(db: Database, to: 'open' | 'closed', clock: Clock) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadManagedSurvey(db, req)
    await db.transaction(async (tx) => {
      if (to === 'open') await openSurvey(tx, officer.organisationId, survey.surveyId)
      else
        await closeSurvey(tx, { organisationId: officer.organisationId, surveyId: survey.surveyId }, clock())
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: to === 'open' ? 'survey-opened' : 'survey-closed',
        subject: survey.slug,
      })
    })
    res.redirect(303, paths.manage.survey(survey.slug))
  }
}

export function changeClosingDate(db: Database, config: Config) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await loadManagedSurvey(db, req)
    const body = req.body as Record<string, unknown>
    const values = Object.fromEntries(
      ['day', 'month', 'year'].map((key) => [key, typeof body[key] === 'string' ? body[key] : '']),
    )
    const parsed = closingDateSchema(londonToday()).safeParse(values)
    if (!parsed.success) {
      renderSurvey(req, res, survey, config, { errors: formErrors(parsed.error, req.t), values })
      return
    }
    await db.transaction(async (tx) => {
      await setClosingDate(tx, officer.organisationId, survey.surveyId, parsed.data)
      await recordAudit(tx, {
        organisationId: officer.organisationId,
        officer,
        action: 'closing-date-changed',
        subject: survey.slug,
        details: { lastDay: parsed.data },
      })
    })
    res.redirect(303, paths.manage.survey(survey.slug))
  }
}

export function qrCode(db: Database, config: Config, format: 'png' | 'svg') {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(db, req)
    const link = publicLink(config, req, survey.slug)
    res.attachment(`${survey.slug}-qr-code.${format}`)
    if (format === 'png') res.type('png').send(await qrCodePng(link, { size: 1024 }))
    else res.type('svg').send(await qrCodeSvg(link))
  }
}
