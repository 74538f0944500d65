import type { Request, Response } from 'express'
import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { publishWorkingCopy } from '../surveyBuilder/store/publishWorkingCopy'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { hasRole } from '../officers/roles'
import { paths } from '../paths'
import { qrCodePng, qrCodeSvg } from '../qrCodes/qrCode'
import { wordsFor } from '../surveys/words'
import { surveySummary } from './surveySummary'
import { checksVerdict, mayOverride, postedOverride, type OverrideValues } from './checksOverride'
import { checkedSurvey, openingErrors, surveyChecksView, type CheckedSurvey } from './surveyChecks'
import { mergedErrors } from './wordsChecks'
import { closingDateFields, closingDateSchema } from './closingDate'
import { londonToday } from '../i18n/londonDates'
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
  survey: CheckedSurvey,
  config: Config,
  form?: { errors: FormErrors; values?: Record<string, string>; override?: OverrideValues },
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
      dataEntryHref: paths.manage.dataEntry(survey.slug),
    },
    canRun: hasRole(officer.role, 'analyst'),
    errors: form?.errors ?? noErrors,
    dateValues: form?.values ?? closingDateFields(survey.closesAt),
    checks: surveyChecksView(survey, req.t),
    canOverride: survey.status !== 'open' && mayOverride(survey.checked.problems, officer.role),
    override: form?.override ?? { override: false, overrideReason: '' },
  })
}

export function surveyPage(db: Database, config: Config) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(db, req)
    renderSurvey(req, res, await checkedSurvey(db, signedInOfficer(req).organisationId, survey), config)
  }
}

/**
 * Opening runs the easy-read checks first: a survey whose words fail a blocking check stays shut
 * (400, with the problems on the survey page) unless an admin overrides with a reason, which is
 * audited; an offered language with missing words keeps it shut whoever asks.
 */
export function changeStatus(db: Database, to: 'open' | 'closed', deps: { clock: Clock; config: Config }) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const survey = await checkedSurvey(db, officer.organisationId, await loadManagedSurvey(db, req))
    const problems = to === 'open' ? survey.checked.problems : []
    const override = postedOverride(req.body)
    const verdict = checksVerdict(problems, override, { role: officer.role, t: req.t })
    if (verdict.outcome === 'refused') {
      const errors = mergedErrors(openingErrors(problems, req.t), verdict.reasonErrors)
      renderSurvey(req, res, survey, deps.config, { errors, override })
      return
    }
    await db.transaction(async (tx) => {
      if (verdict.outcome === 'overridden')
        await recordAudit(tx, {
          organisationId: officer.organisationId,
          officer,
          action: 'easy-read-checks-overridden',
          subject: survey.slug,
          details: {
            when: 'opening',
            version: survey.version,
            problems: verdict.overridden.length,
            reason: verdict.reason,
          },
        })
      // A draft's questions are its builder working copy until it opens: opening publishes them.
      if (to === 'open' && survey.status === 'draft')
        await publishWorkingCopy(tx, {
          organisationId: officer.organisationId,
          officer,
          slug: survey.slug,
          t: req.t,
        })
      if (to === 'open') await openSurvey(tx, officer.organisationId, survey.surveyId)
      else
        await closeSurvey(
          tx,
          { organisationId: officer.organisationId, surveyId: survey.surveyId },
          deps.clock(),
        )
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
      const checked = await checkedSurvey(db, officer.organisationId, survey)
      renderSurvey(req, res, checked, config, { errors: formErrors(parsed.error, req.t), values })
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
