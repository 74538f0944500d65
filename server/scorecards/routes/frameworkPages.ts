import { recordOutcomeChange } from '../../audit/scorecardChanges'
import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { hasRole } from '../../officers/roles'
import { postedFields } from '../../forms/postedFields'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { startFrameworkFromTemplate } from '../store/frameworkTemplate'
import { indicatorHandle } from '../model/indicatorHandle'
import { listIndicators } from '../store/indicatorQueries'
import { insertOutcome, listOutcomes, updateOutcomeStatement } from '../store/outcomeQueries'

const statementSchema = z.object({
  statement: z.string().trim().min(1, 'errors.outcome.required').max(200, 'errors.outcome.tooLong'),
})

/** A stable id from a statement's words: "I need to be safe" becomes i-need-to-be-safe. */
const slugFrom = (statement: string): string =>
  statement
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'outcome'

async function render(
  db: Database,
  req: Request,
  res: Response,
  form?: { values: Record<string, string>; errors: FormErrors },
) {
  const officer = signedInOfficer(req)
  const [outcomes, indicators] = await Promise.all([
    listOutcomes(db, officer.organisationId),
    listIndicators(db, officer.organisationId),
  ])
  const rowsFor = (outcomeId: string | null) =>
    indicators
      .filter((indicator) => indicator.outcomeId === outcomeId)
      .map((indicator) => ({
        number: indicator.number,
        wording: indicator.wording,
        kind: req.t(`scorecards.kind.${indicator.kind}`),
        href: paths.manage.scorecardIndicator(indicatorHandle(indicator.number)),
      }))
  const errors = form?.errors ?? noErrors
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/framework', {
    pageTitle: req.t('pages.framework.heading'),
    hasErrors: errors.errorList.length > 0,
    errors,
    values: form?.values ?? { statement: '' },
    canRun: hasRole(officer.role, 'analyst'),
    outcomes: [
      ...outcomes.map((outcome) => ({
        ...outcome,
        slug: outcome.slug,
        indicators: rowsFor(outcome.id),
        href: paths.manage.scorecardOutcomeStatement(outcome.slug),
      })),
      ...(outcomes.length > 0
        ? [
            {
              // Not numbered: the outcomes keep their numbers when one is added after it.
              position: null,
              slug: 'overall',
              statement: req.t('scorecards.overall'),
              indicators: rowsFor(null),
            },
          ]
        : []),
    ],
  })
}

export const frameworkPage = (db: Database) => (req: Request, res: Response) => render(db, req, res)

/** Rewording an outcome statement: its slug, and so its indicators and survey links, stay the same. */
export const outcomePage = (db: Database) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  const organisationId = officer.organisationId
  const outcome = (await listOutcomes(db, organisationId)).find((each) => each.slug === req.params.outcome)
  if (!outcome) throw new NotFoundError('No such outcome in this organisation')
  let values = { statement: outcome.statement }
  let errors: FormErrors = noErrors
  if (req.method === 'POST') {
    values = postedFields(req.body, ['statement']) as typeof values
    const parsed = statementSchema.safeParse(values)
    if (parsed.success) {
      const statement = parsed.data.statement
      await db.transaction(async (tx) => {
        await updateOutcomeStatement(tx, organisationId, { slug: outcome.slug, statement })
        if (statement !== outcome.statement)
          await recordOutcomeChange(tx, officer, {
            slug: outcome.slug,
            before: outcome.statement,
            after: statement,
          })
      })
      res.redirect(303, paths.manage.scorecardFramework)
      return
    }
    errors = formErrors(parsed.error, req.t)
  }
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/outcomeStatement', {
    pageTitle: req.t('pages.framework.changeOutcome'),
    hasErrors: errors.errorList.length > 0,
    errors,
    values,
    action: paths.manage.scorecardOutcomeStatement(outcome.slug),
  })
}

export const useTemplate = (db: Database) => async (req: Request, res: Response) => {
  await startFrameworkFromTemplate(db, {
    organisationId: signedInOfficer(req).organisationId,
    editor: signedInOfficer(req),
    frameworkId: 'i-need',
    t: req.t,
    language: req.language,
  })
  res.redirect(303, paths.manage.scorecardFramework)
}

export const addOutcome = (db: Database) => async (req: Request, res: Response) => {
  const values = postedFields(req.body, ['statement'])
  const parsed = statementSchema.safeParse(values)
  if (!parsed.success) return render(db, req, res, { values, errors: formErrors(parsed.error, req.t) })
  const officer = signedInOfficer(req)
  const base = slugFrom(parsed.data.statement)
  const slug = base === 'overall' ? 'overall-outcome' : base
  const statement = parsed.data.statement
  const added = await db.transaction(async (tx) => {
    const inserted = await insertOutcome(tx, officer.organisationId, { slug, statement })
    if (inserted) await recordOutcomeChange(tx, officer, { slug, before: null, after: statement })
    return inserted
  })
  if (!added) {
    return render(db, req, res, { values, errors: fieldError('statement', 'errors.outcome.taken', req.t) })
  }
  res.redirect(303, paths.manage.scorecardFramework)
}
