import type { Request } from 'express'
import { recordAudit } from '../../audit/recordAudit'
import type { Database } from '../../db/database'
import { blockingProblems, describeProblem, warnings, type WordsProblem } from '../../easyRead'
import { NotFoundError } from '../../errors'
import { directionOf, type LanguageCode } from '../../i18n/languages'
import type { FormErrors } from '../../forms/formErrors'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import type { FieldProblem } from '../model/questionForm'
import { stableIdPattern } from '../model/stableIds'
import { checkWorkingCopy, type CopyIssue, type WorkingCopy } from '../model/workingCopy'
import { fieldOfProblem, problemsIn } from '../model/easyReadGate'
import { checksVerdict, mayOverride, postedOverride } from '../../surveyManagement/checksOverride'
import { findBuilderSurvey, saveWorkingCopy, type BuilderSurvey } from '../store/builderQueries'

/** A problem to show: a locale key, or words already in the officer's language (an easy-read check). */
export type ShownProblem = FieldProblem | { field: string; text: string }

const param = (req: Request, name: string): string => {
  const value = (req.params as Record<string, string | undefined>)[name] ?? ''
  if (!stableIdPattern.test(value)) throw new NotFoundError(`Bad ${name} in URL`)
  return value
}

/** The officer's own organisation's survey named in the URL, with its working copy; any other is a 404. */
export async function loadBuilder(db: Database, req: Request): Promise<BuilderSurvey> {
  const survey = await findBuilderSurvey(db, signedInOfficer(req).organisationId, param(req, 'survey'))
  if (!survey) throw new NotFoundError('No such survey in this organisation')
  return survey
}

/** The question named in the URL, in the working copy; unknown ones are a 404. */
export function questionParam(req: Request, copy: WorkingCopy) {
  const id = param(req, 'question')
  const index = copy.definition.questions.findIndex((question) => question.id === id)
  const question = copy.definition.questions[index]
  if (!question) throw new NotFoundError('No such question')
  return { question, index }
}

export function toFormErrors(problems: ShownProblem[], t: Request['t']): FormErrors {
  const errors: FormErrors = { errorList: [], fields: {} }
  for (const problem of problems) {
    const text = 'text' in problem ? problem.text : t(problem.key, problem.values)
    errors.errorList.push({ text, href: `#${problem.field}` })
    errors.fields[problem.field] ??= { text, visuallyHiddenText: t('errors.visuallyHidden') }
  }
  return errors
}

export type EditResult = { ok: true; copy: WorkingCopy } | { ok: false; problems: ShownProblem[] }

export interface EditRequest {
  /** What the audit log says was done, e.g. 'question-added', and to which question or page. */
  change: string
  subject?: string
  edit(copy: WorkingCopy): EditResult
  /** The question or page whose words the easy-read checks look at. */
  words?: { kind: 'questions' | 'pages'; id: string; optionIds?: string[] }
  /** Where a schema problem is shown on this form. */
  fieldOf(issue: CopyIssue): string
}

export type SaveOutcome =
  { ok: true; warnings: WordsProblem[] } | { ok: false; problems: ShownProblem[]; mayOverride?: boolean }

/**
 * Applies one builder action to the working copy in one transaction: the survey row is locked, the
 * edit made on the copy as it is now, the result checked by the survey schemas (the one model) and,
 * for its words, the easy-read checks; then saved and audited. Any problem writes nothing.
 */
export async function saveEdit(db: Database, req: Request, request: EditRequest): Promise<SaveOutcome> {
  const officer = signedInOfficer(req)
  const slug = param(req, 'survey')
  return db.transaction(async (tx): Promise<SaveOutcome> => {
    const survey = await findBuilderSurvey(tx, officer.organisationId, slug, { lock: true })
    if (!survey) throw new NotFoundError('No such survey in this organisation')
    const edited = request.edit(survey.copy)
    if (!edited.ok) return edited
    const checked = checkWorkingCopy(edited.copy)
    if (!checked.ok)
      return {
        ok: false,
        problems: checked.issues.map((issue) => ({ field: request.fieldOf(issue), text: issue.message })),
      }
    const problems = request.words ? problemsIn(checked.copy, request.words) : []
    const verdict = checksVerdict(problems, postedOverride(req.body), { role: officer.role, t: req.t })
    if (verdict.outcome === 'refused')
      return {
        ok: false,
        problems: [
          ...blockingProblems(problems).map((problem) => ({
            field: fieldOfProblem(problem, request.words?.optionIds ?? []),
            text: describeProblem(problem, req.t),
          })),
          ...(verdict.reasonErrors?.errorList.map((error) => ({
            field: 'overrideReason',
            text: error.text,
          })) ?? []),
        ],
        mayOverride: mayOverride(problems, officer.role),
      }
    await saveWorkingCopy(
      tx,
      { organisationId: officer.organisationId, surveyId: survey.surveyId, basedOnVersion: survey.version },
      checked.copy,
    )
    const audit = { organisationId: officer.organisationId, officer, subject: survey.slug }
    await recordAudit(tx, {
      ...audit,
      action: 'survey-changed',
      details: { change: request.change, ...(request.subject ? { item: request.subject } : {}) },
    })
    if (verdict.outcome === 'overridden')
      await recordAudit(tx, {
        ...audit,
        action: 'easy-read-checks-overridden',
        details: {
          when: 'building',
          item: request.subject ?? '',
          problems: verdict.overridden.length,
          reason: verdict.reason,
        },
      })
    return { ok: true, warnings: warnings(problems) }
  })
}

/** The boxes of one kind of words, one per language, named in the officer's language. */
export const languageBoxes = (req: Request, codes: LanguageCode[]) =>
  codes.map((code) => ({ code, dir: directionOf(code), name: req.t(`builder.languages.${code}`) }))
