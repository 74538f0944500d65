import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { paths } from '../../paths'
import { wordsFor } from '../../surveys/words'
import type { FieldProblem } from '../model/questionForm'
import { freeId, idFromWords, stableIdPattern } from '../model/stableIds'
import { cloneCopy, offeredLanguages } from '../model/workingCopy'
import type { BuilderSurvey } from '../store/builderQueries'
import { omit } from '../model/omit'
import { postedOverride } from '../../surveyManagement/checksOverride'
import { languageBoxes, loadBuilder, saveEdit, toFormErrors } from './builderRequest'

interface PageValues {
  titles: Record<string, string>
  bodies: Record<string, string>
  before: string
}

const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')

function pageParam(req: Request, survey: BuilderSurvey) {
  const id = (req.params as { page?: string }).page ?? ''
  const page = stableIdPattern.test(id)
    ? survey.copy.definition.informationPages.find((each) => each.id === id)
    : undefined
  if (!page) throw new NotFoundError('No such information page')
  return page
}

function render(
  req: Request,
  res: Response,
  view: {
    survey: BuilderSurvey
    pageId?: string
    values: PageValues
    errors: FormErrors
    mayOverride?: boolean
  },
) {
  const { survey, values, errors } = view
  const words = wordsFor(survey.copy.words, req.language)
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/page', {
    pageTitle: req.t(view.pageId ? 'builder.page.editTitle' : 'builder.page.addTitle'),
    hasErrors: errors.errorList.length > 0,
    errors,
    backHref: paths.manage.builder.home(survey.slug),
    action: view.pageId
      ? paths.manage.builder.page(survey.slug, view.pageId)
      : paths.manage.builder.newPage(survey.slug),
    removeAction: view.pageId ? paths.manage.builder.pageRemove(survey.slug, view.pageId) : undefined,
    values,
    canOverride: view.mayOverride ?? false,
    override: postedOverride(req.body),
    languages: languageBoxes(req, offeredLanguages(survey.copy)),
    places: [
      ...survey.copy.definition.questions.map((question, index) => ({
        value: question.id,
        text: req.t('builder.page.before', {
          number: index + 1,
          question: words.questions[question.id]?.title ?? question.id,
        }),
        checked: values.before === question.id,
      })),
      { value: 'end', text: req.t('builder.page.atEnd'), checked: values.before === 'end' },
    ],
  })
}

export function newPagePage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const blank = Object.fromEntries(offeredLanguages(survey.copy).map((code) => [code, '']))
    render(req, res, {
      survey,
      values: { titles: blank, bodies: { ...blank }, before: '' },
      errors: noErrors,
    })
  }
}

export function editPagePage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const page = pageParam(req, survey)
    const offered = offeredLanguages(survey.copy)
    const own = (code: string) => survey.copy.words[code]?.pages?.[page.id]
    const values = {
      titles: Object.fromEntries(offered.map((code) => [code, own(code)?.title ?? ''])),
      bodies: Object.fromEntries(offered.map((code) => [code, own(code)?.body.join('\n\n') ?? ''])),
      before: page.before ?? 'end',
    }
    render(req, res, { survey, pageId: page.id, values, errors: noErrors })
  }
}

/** Adds or changes an information page: a title and paragraphs in every offered language, placed before a question. */
export function savePage(db: Database, mode: 'add' | 'edit') {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const existing = mode === 'edit' ? pageParam(req, survey) : undefined
    const offered = offeredLanguages(survey.copy)
    const body = (req.body ?? {}) as Record<string, unknown>
    const text = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '')
    const values: PageValues = {
      titles: Object.fromEntries(offered.map((code) => [code, text(`title-${code}`)])),
      bodies: Object.fromEntries(offered.map((code) => [code, text(`body-${code}`)])),
      before: text('before'),
    }
    const problems: FieldProblem[] = []
    for (const code of offered) {
      if (!values.titles[code]) problems.push({ field: `title-${code}`, key: 'builder.errors.titleRequired' })
      if (paragraphs(values.bodies[code] ?? '').length === 0)
        problems.push({ field: `body-${code}`, key: 'builder.errors.bodyRequired' })
    }
    if (values.before === '') problems.push({ field: 'before', key: 'builder.errors.placeRequired' })
    if (problems.length > 0) {
      render(req, res, { survey, pageId: existing?.id, values, errors: toFormErrors(problems, req.t) })
      return
    }
    const taken = [
      'new',
      ...survey.copy.definition.questions.map((q) => q.id),
      ...survey.copy.definition.informationPages.map((p) => p.id),
    ]
    const id = existing?.id ?? freeId(idFromWords(values.titles.en ?? '', 'page'), taken)
    const placed = { id, ...(values.before === 'end' ? {} : { before: values.before }) }
    const saved = await saveEdit(db, req, {
      change: existing ? 'page-changed' : 'page-added',
      subject: id,
      edit: (copy) => {
        const next = cloneCopy(copy)
        next.definition.informationPages = existing
          ? next.definition.informationPages.map((page) => (page.id === id ? placed : page))
          : [...next.definition.informationPages, placed]
        for (const code of offered) {
          const words = next.words[code]
          if (words)
            words.pages = {
              ...words.pages,
              [id]: { title: values.titles[code] ?? '', body: paragraphs(values.bodies[code] ?? '') },
            }
        }
        return { ok: true, copy: next }
      },
      words: { kind: 'pages', id },
      fieldOf: (issue) => (issue.path.includes('before') ? 'before' : 'title-en'),
    })
    if (!saved.ok) {
      const errors = toFormErrors(saved.problems, req.t)
      render(req, res, { survey, pageId: existing?.id, values, errors, mayOverride: saved.mayOverride })
      return
    }
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}

export function removePage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const page = pageParam(req, survey)
    await saveEdit(db, req, {
      change: 'page-removed',
      subject: page.id,
      edit: (copy) => {
        const next = cloneCopy(copy)
        next.definition.informationPages = next.definition.informationPages.filter(
          (each) => each.id !== page.id,
        )
        for (const words of Object.values(next.words)) {
          if (!words.pages) continue
          words.pages = omit(words.pages, page.id)
        }
        return { ok: true, copy: next }
      },
      fieldOf: () => 'title-en',
    })
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}
