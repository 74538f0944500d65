import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { formatDateTime } from '../../i18n/formatDate'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { loadManagedSurvey } from '../../surveyManagement/surveyRoutes'
import type { ManagedSurvey } from '../../surveyManagement/queries'
import { wordsFor } from '../../surveys/words'
import { heldDecisionSchema, heldDecisionValues, type HeldDecisionValues } from '../model/heldDecisionForm'
import { holdReasons } from '../model/holdRules'
import { timeTakenText } from '../model/timeTaken'
import { decideHeld } from '../store/decideHeld'
import { countHeld, listHeld } from '../store/heldQueries'
import type { ResponseLimits } from './sender'
import type { JobSender } from '../../jobs/jobQueue'

// Enough to judge a burst by eye; the reason boxes act on every one held, shown or not.
const shownAtMost = 200

interface Deps {
  db: Database
  limits: ResponseLimits
  jobs: JobSender
}

/** "?included=3" after a decision, for the message; anything else shows none. */
function doneMessage(req: Request): string | undefined {
  for (const kind of ['included', 'discarded'] as const) {
    const value = req.query[kind]
    if (typeof value === 'string' && /^\d{1,7}$/.test(value)) {
      const count = Number(value)
      return kind === 'included'
        ? req.t('responseLimits.held.included', { count })
        : req.t('responseLimits.held.discarded', { count })
    }
  }
  return undefined
}

async function render(
  deps: Deps,
  req: Request,
  res: Response,
  form: { survey: ManagedSurvey; values: HeldDecisionValues | undefined; errors: FormErrors },
) {
  const officer = signedInOfficer(req)
  const { survey, values, errors } = form
  const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
  const counts = await countHeld(deps.db, key)
  const held = await listHeld(deps.db, key, { limit: shownAtMost })
  const reasonLabel = (reason: (typeof holdReasons)[number]) => req.t(`responseLimits.reasons.${reason}`)
  const shortLabel = (reason: (typeof holdReasons)[number]) => req.t(`responseLimits.reasonsShort.${reason}`)
  const hasErrors = errors.errorList.length > 0
  res.status(hasErrors ? 400 : 200).render('manage/heldResponses/index', {
    pageTitle: req.t('responseLimits.held.title'),
    hasErrors,
    errors,
    done: hasErrors ? undefined : doneMessage(req),
    surveyTitle: wordsFor(survey.words, req.language).title,
    surveyHref: paths.manage.survey(survey.slug),
    formAction: paths.manage.heldResponses(survey.slug),
    total: counts.total,
    shown: held.length,
    heldUpTo: deps.limits.clock().toISOString(),
    reasons: holdReasons.map((reason) => ({
      value: reason,
      label: reasonLabel(reason),
      count: counts[reason],
      checked: values?.reasons.includes(reason) ?? false,
    })),
    rows: held.map((row) => ({
      reference: row.reference,
      sent: formatDateTime(row.submittedAt, req.language),
      timeTaken: timeTakenText(row.startedAt, row.submittedAt, req.t),
      reasons: row.reasons.map(shortLabel).join(', '),
      checked: values?.references.includes(row.reference) ?? false,
    })),
  })
}

/** A survey's held responses: how many and why, and a table to include or discard them in bulk. */
export function heldResponsesPage(deps: Deps) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(deps.db, req)
    await render(deps, req, res, { survey, values: undefined, errors: noErrors })
  }
}

export function decideHeldResponses(deps: Deps) {
  return async (req: Request, res: Response) => {
    const survey = await loadManagedSurvey(deps.db, req)
    const values = heldDecisionValues(req.body)
    const parsed = heldDecisionSchema.safeParse(values)
    if (!parsed.success) {
      await render(deps, req, res, { survey, values, errors: formErrors(parsed.error, req.t) })
      return
    }
    const { decision, references, reasons, heldUpTo } = parsed.data
    const counts = await decideHeld(deps.db, deps.jobs, {
      officer: signedInOfficer(req),
      survey,
      decision,
      choice: { references, reasons, heldUpTo },
    })
    const done = decision === 'include' ? 'included' : 'discarded'
    res.redirect(303, `${paths.manage.heldResponses(survey.slug)}?${done}=${String(counts.count)}`)
  }
}
