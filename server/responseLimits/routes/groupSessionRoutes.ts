import type { Request, Response } from 'express'
import type { Config } from '../../config'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { formatDateTime } from '../../i18n/formatDate'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { loadManagedSurvey } from '../../surveyManagement/surveyRoutes'
import type { ManagedSurvey } from '../../surveyManagement/queries'
import { wordsFor } from '../../surveys/words'
import { groupSessionHours, normaliseGroupCode } from '../model/groupCode'
import { groupSessionSchema, groupSessionValues, type GroupSessionValues } from '../model/groupSessionForm'
import { listOpenGroupSessions } from '../store/groupSessionQueries'
import { endGroupSessionEarly, openGroupSession } from '../store/openGroupSession'
import type { ResponseLimits } from './sender'
import { idleMinutes } from '../../device/model/sharedDeviceForm'
import { sharedDeviceLinks } from '../../device/routes/sharedDeviceLink'

interface Deps {
  db: Database
  config: Config
  limits: ResponseLimits
}

async function render(
  deps: Deps,
  req: Request,
  res: Response,
  form: { survey: ManagedSurvey; values: GroupSessionValues; errors: FormErrors },
) {
  const officer = signedInOfficer(req)
  const { survey } = form
  const sessions = await listOpenGroupSessions(
    deps.db,
    { organisationId: officer.organisationId, surveyId: survey.surveyId },
    deps.limits.clock(),
  )
  const shared = await sharedDeviceLinks(req, deps.config, { survey: survey.slug, sessions })
  const hasErrors = form.errors.errorList.length > 0
  res.status(hasErrors ? 400 : 200).render('manage/groupSessions/index', {
    pageTitle: req.t('responseLimits.groupSessions.title'),
    hasErrors,
    errors: form.errors,
    values: form.values,
    surveyTitle: wordsFor(survey.words, req.language).title,
    surveyHref: paths.manage.survey(survey.slug),
    formAction: paths.manage.groupSessions(survey.slug),
    hourOptions: Array.from({ length: groupSessionHours.max }, (_, index) => index + 1),
    sessions: sessions.map((session, index) => ({
      code: session.code,
      label: session.label,
      link: `${deps.config.baseUrl}${paths.respond.groupStart(officer.organisationSlug, survey.slug, session.code)}`,
      until: formatDateTime(session.expiresAt, req.language),
      endAction: paths.manage.groupSessionEnd(survey.slug, session.code),
      shared: shared[index],
    })),
  })
}

/** The survey's open group sessions and the form to open one. Analysts and admins. */
export function groupSessionsPage(deps: Deps) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(deps.db, req)
    await render(deps, req, res, {
      survey,
      values: {
        label: '',
        hours: String(groupSessionHours.default),
        sharedDevices: '',
        idleMinutes: String(idleMinutes.default),
      },
      errors: noErrors,
    })
  }
}

export function openGroupSessionAction(deps: Deps) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(deps.db, req)
    const values = groupSessionValues(req.body)
    const parsed = groupSessionSchema.safeParse(values)
    if (!parsed.success) {
      await render(deps, req, res, { survey, values, errors: formErrors(parsed.error, req.t) })
      return
    }
    await openGroupSession(deps.db, {
      officer: signedInOfficer(req),
      survey,
      label: parsed.data.label,
      hours: parsed.data.hours,
      sharedDevices: parsed.data.sharedDevices ? { idleMinutes: parsed.data.idleMinutes } : undefined,
      now: deps.limits.clock(),
    })
    res.redirect(303, paths.manage.groupSessions(survey.slug))
  }
}

/** Ends a session early. A code that is not an open session of this survey is a 404, as for nothing at all. */
export function endGroupSessionAction(deps: Deps) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(deps.db, req)
    const code = normaliseGroupCode((req.params as { code?: string }).code)
    const ended = code
      ? await endGroupSessionEarly(deps.db, {
          officer: signedInOfficer(req),
          survey,
          code,
          now: deps.limits.clock(),
        })
      : undefined
    if (!ended) throw new NotFoundError('No open group session with that code')
    res.redirect(303, paths.manage.groupSessions(survey.slug))
  }
}
