import type { Request, Response } from 'express'
import { recordAudit } from '../../audit/recordAudit'
import type { Database, Queryable } from '../../db/database'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { languages } from '../../i18n/languages'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { slugsInUse } from '../../surveyManagement/queries'
import { audiences } from '../../surveys/definitionSchema'
import { insertSurveyFromTemplate } from '../../surveys/queries'
import { wordsFor } from '../../surveys/words'
import { blankSurvey } from '../model/blankSurvey'
import type { FieldProblem } from '../model/questionForm'
import { freeId, idFromWords } from '../model/stableIds'
import { checkWorkingCopy, type WorkingCopy } from '../model/workingCopy'
import { findBuilderSurvey, listSurveysToCopy } from '../store/builderQueries'
import { toFormErrors } from './builderRequest'
import { surveyChoices } from './surveyChoices'

/** Words that are pages under /manage/surveys/, never a survey's slug. */
const reserved = ['new']

/** Inserts the survey as a draft with the copy as its first version, audited; returns its slug. */
async function insertDraftSurvey(
  tx: Queryable,
  req: Request,
  copy: WorkingCopy,
  how: string,
): Promise<string> {
  const officer = signedInOfficer(req)
  const slug = freeId(copy.definition.id, [
    ...reserved,
    ...(await slugsInUse(tx, officer.organisationId, copy.definition.id)),
  ])
  await insertSurveyFromTemplate(tx, {
    organisationId: officer.organisationId,
    slug,
    template: copy,
    status: 'draft',
  })
  await recordAudit(tx, {
    organisationId: officer.organisationId,
    officer,
    action: 'survey-created',
    subject: slug,
    details: { how },
  })
  return slug
}

interface BlankValues {
  audience: string
  easyRead: string
  languages: string[]
  titles: Record<string, string>
}

function renderBlank(req: Request, res: Response, values: BlankValues, errors: FormErrors) {
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/newBlank', {
    pageTitle: req.t('builder.newBlank.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.newSurvey,
    action: paths.manage.builder.newBlank,
    values,
    ...surveyChoices(req, values),
    languages: languages.map(({ code, dir }) => ({ code, dir, name: req.t(`builder.languages.${code}`) })),
  })
}

export function newBlankPage(req: Request, res: Response): void {
  renderBlank(
    req,
    res,
    { audience: '', easyRead: '', languages: [], titles: { en: '', cy: '', ur: '' } },
    noErrors,
  )
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string')

/** Starts a survey from nothing: who it is for, easy read or not, its title and the languages offered. */
export function createBlank(db: Database) {
  return async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '')
    const values: BlankValues = {
      audience: text('audience'),
      easyRead: text('easyRead'),
      languages: strings(body.languages).filter((code) => code === 'cy' || code === 'ur'),
      titles: Object.fromEntries(languages.map(({ code }) => [code, text(`title-${code}`)])),
    }
    const problems: FieldProblem[] = []
    const audience = audiences.find((each) => each === values.audience)
    if (!audience) problems.push({ field: 'audience', key: 'builder.errors.audienceRequired' })
    if (values.easyRead !== 'yes' && values.easyRead !== 'no')
      problems.push({ field: 'easyRead', key: 'builder.errors.easyReadRequired' })
    const offered = ['en', ...values.languages]
    for (const code of offered)
      if ((values.titles[code] ?? '') === '' || (values.titles[code] ?? '').length > 200)
        problems.push({ field: `title-${code}`, key: 'builder.errors.surveyTitleRequired' })
    if (problems.length > 0 || !audience) {
      renderBlank(req, res, values, toFormErrors(problems, req.t))
      return
    }
    const copy = blankSurvey({
      id: idFromWords(values.titles.en ?? '', 'survey'),
      audience,
      easyRead: values.easyRead === 'yes',
      titles: Object.fromEntries(offered.map((code) => [code, values.titles[code] ?? ''])),
      translate: (language, key) => req.i18n(language as 'en')(key),
    })
    const checked = checkWorkingCopy(copy)
    if (!checked.ok) throw new Error('A blank survey failed the survey schema')
    const slug = await db.transaction((tx) => insertDraftSurvey(tx, req, checked.copy, 'blank'))
    res.redirect(303, paths.manage.builder.home(slug))
  }
}

async function renderCopy(db: Database, req: Request, res: Response, errors: FormErrors) {
  const surveys = await listSurveysToCopy(db, signedInOfficer(req).organisationId)
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/newCopy', {
    pageTitle: req.t('builder.newCopy.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.newSurvey,
    action: paths.manage.builder.newCopy,
    surveys: surveys.map((survey) => ({
      value: survey.slug,
      text: wordsFor(survey.words, req.language).title,
    })),
  })
}

export function newCopyPage(db: Database) {
  return (req: Request, res: Response) => renderCopy(db, req, res, noErrors)
}

/** Copies one of the organisation's surveys (as it stands in the builder) into a new draft. */
export function createCopy(db: Database) {
  return async (req: Request, res: Response) => {
    const officer = signedInOfficer(req)
    const chosen = (req.body as Record<string, unknown>).survey
    const source =
      typeof chosen === 'string' && /^[a-z0-9-]{1,100}$/.test(chosen)
        ? await findBuilderSurvey(db, officer.organisationId, chosen)
        : undefined
    if (!source) {
      await renderCopy(
        db,
        req,
        res,
        toFormErrors([{ field: 'survey', key: 'builder.errors.copyRequired' }], req.t),
      )
      return
    }
    const slug = await db.transaction((tx) =>
      insertDraftSurvey(tx, req, structuredClone(source.copy), `copy of ${source.slug}`),
    )
    res.redirect(303, paths.manage.builder.home(slug))
  }
}
