import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { paths } from '../../paths'
import type { QuestionDefinition } from '../../surveys/definitionSchema'
import { wordsFor } from '../../surveys/words'
import { pictureLibrary } from '../model/pictureLibrary'
import { cloneCopy, offeredLanguages } from '../model/workingCopy'
import type { BuilderSurvey } from '../store/builderQueries'
import { omit } from '../model/omit'
import { languageBoxes, loadBuilder, questionParam, saveEdit, toFormErrors } from './builderRequest'

interface PictureValues {
  picture: string
  alt: string
  descriptions: Record<string, string>
}

function render(
  req: Request,
  res: Response,
  view: { survey: BuilderSurvey; question: QuestionDefinition; values: PictureValues; errors: FormErrors },
) {
  const { survey, question, values, errors } = view
  const title = wordsFor(survey.copy.words, req.language).questions[question.id]?.title ?? question.id
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/builder/picture', {
    pageTitle: req.t('builder.picture.title'),
    hasErrors: errors.errorList.length > 0,
    errors,
    questionTitle: title,
    backHref: paths.manage.builder.home(survey.slug),
    action: paths.manage.builder.questionPicture(survey.slug, question.id),
    pictures: pictureLibrary().map((picture) => ({
      value: picture.name,
      src: `/pictures/${picture.name}.svg`,
      text: req.t(`pictures.${picture.name}`, { defaultValue: picture.description }),
      checked: values.picture === picture.name,
    })),
    values,
    languages: languageBoxes(req, offeredLanguages(survey.copy)),
  })
}

export function picturePage(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question } = questionParam(req, survey.copy)
    const descriptions = Object.fromEntries(
      offeredLanguages(survey.copy).map((code) => [
        code,
        survey.copy.words[code]?.questions[question.id]?.pictureAlt ?? '',
      ]),
    )
    const values = {
      picture: question.picture?.name ?? 'none',
      alt: question.picture?.alt ?? 'decorative',
      descriptions,
    }
    render(req, res, { survey, question, values, errors: noErrors })
  }
}

const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name].trim() : ''

/** Chooses a picture from the library (or none), decorative or described in every offered language. */
export function savePicture(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const { question } = questionParam(req, survey.copy)
    const body = (req.body ?? {}) as Record<string, unknown>
    const offered = offeredLanguages(survey.copy)
    const values: PictureValues = {
      picture: text(body, 'picture'),
      alt: text(body, 'alt'),
      descriptions: Object.fromEntries(offered.map((code) => [code, text(body, `description-${code}`)])),
    }
    const problems = []
    const known =
      values.picture === 'none' || pictureLibrary().some((picture) => picture.name === values.picture)
    if (!known) problems.push({ field: 'picture', key: 'builder.errors.pictureRequired' })
    if (values.picture !== 'none' && values.alt !== 'decorative' && values.alt !== 'described')
      problems.push({ field: 'alt', key: 'builder.errors.altRequired' })
    if (values.picture !== 'none' && values.alt === 'described')
      for (const code of offered)
        if (!values.descriptions[code])
          problems.push({ field: `description-${code}`, key: 'builder.errors.descriptionRequired' })
    if (problems.length > 0) {
      render(req, res, { survey, question, values, errors: toFormErrors(problems, req.t) })
      return
    }
    const saved = await saveEdit(db, req, {
      change: 'picture-changed',
      subject: question.id,
      edit: (copy) => {
        const next = cloneCopy(copy)
        next.definition.questions = next.definition.questions.map((each) => {
          if (each.id !== question.id) return each
          const rest = omit(each, 'picture')
          return values.picture === 'none'
            ? rest
            : { ...rest, picture: { name: values.picture, alt: values.alt as 'decorative' | 'described' } }
        })
        for (const [code, words] of Object.entries(next.words)) {
          const own = words.questions[question.id]
          if (!own) continue
          const rest = omit(own, 'pictureAlt')
          const description = values.descriptions[code]
          words.questions[question.id] =
            values.picture !== 'none' && values.alt === 'described' && description
              ? { ...rest, pictureAlt: description }
              : rest
        }
        return { ok: true, copy: next }
      },
      words: { kind: 'questions', id: question.id },
      fieldOf: () => 'picture',
    })
    if (!saved.ok) {
      render(req, res, { survey, question, values, errors: toFormErrors(saved.problems, req.t) })
      return
    }
    res.redirect(303, `${paths.manage.builder.home(survey.slug)}#question-${question.id}`)
  }
}
