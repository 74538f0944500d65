import { Router, type Request, type Response } from 'express'
import type { Database } from '../../db/database'
import { fieldError, formErrors, noErrors, type FormErrors } from '../../forms/formErrors'
import { languages, type LanguageCode } from '../../i18n/languages'
import { postedFields } from '../../forms/postedFields'
import { requireAlertReader, signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { addPhraseSchema, languageQuerySchema, removePhraseSchema } from './phraseForm'
import { addPhrase, loadPhraseList, removePhrase } from './phraseList'

const pathUnderManage = (path: string) => path.replace(/^\/manage/, '')

const listPath = (language: LanguageCode) => `${paths.manage.safeguardingPhrases}?language=${language}`

async function renderPhrases(
  db: Database,
  req: Request,
  res: Response,
  form: { language: LanguageCode; phrase: string; errors: FormErrors },
): Promise<void> {
  const list = await loadPhraseList(db, signedInOfficer(req).organisationId, form.language)
  res.status(form.errors.errorList.length > 0 ? 400 : 200).render('safeguarding/phrases', {
    pageTitle: req.t('safeguardingPhrases.title'),
    hasErrors: form.errors.errorList.length > 0,
    errors: form.errors,
    list,
    phrase: form.phrase,
    languageChoices: languages.map(({ code, name }) => ({ code, name, selected: code === form.language })),
    listAction: paths.manage.safeguardingPhrases,
    removeAction: paths.manage.safeguardingPhraseRemove,
  })
}

/** Admins and safeguarding officers keep the words that raise free-text alerts; anyone else gets 404. */
export function phraseRoutes(db: Database): Router {
  const router = Router()
  const list = pathUnderManage(paths.manage.safeguardingPhrases)
  // Covers the remove route below too, which lives under the same path.
  router.use(list, requireAlertReader)

  router.get(list, async (req, res) => {
    const parsed = languageQuerySchema.safeParse(postedFields(req.query, ['language']))
    const language = languageOf(parsed.success ? parsed.data.language : undefined)
    const errors = parsed.success ? noErrors : formErrors(parsed.error, req.t)
    await renderPhrases(db, req, res, { language, phrase: '', errors })
  })

  router.post(list, async (req, res) => {
    const values = postedFields(req.body, ['language', 'phrase'])
    const parsed = addPhraseSchema.safeParse(values)
    const language = languageOf(values.language)
    if (!parsed.success)
      return renderPhrases(db, req, res, {
        language,
        phrase: values.phrase ?? '',
        errors: formErrors(parsed.error, req.t),
      })
    const officer = signedInOfficer(req)
    const outcome = await addPhrase(db, { organisationId: officer.organisationId, officer, ...parsed.data })
    if (outcome === 'taken') {
      const errors = fieldError('phrase', 'safeguardingPhrases.errors.phrase.taken', req.t)
      return renderPhrases(db, req, res, { language, phrase: values.phrase ?? '', errors })
    }
    res.redirect(303, listPath(parsed.data.language))
  })

  router.post(pathUnderManage(paths.manage.safeguardingPhraseRemove), async (req, res) => {
    const values = postedFields(req.body, ['language', 'phrase'])
    const parsed = removePhraseSchema.safeParse(values)
    const language = languageOf(values.language)
    if (!parsed.success)
      return renderPhrases(db, req, res, { language, phrase: '', errors: formErrors(parsed.error, req.t) })
    const officer = signedInOfficer(req)
    const outcome = await removePhrase(db, {
      organisationId: officer.organisationId,
      officer,
      ...parsed.data,
    })
    if (outcome !== 'done') {
      const errors = fieldError('phrases', `safeguardingPhrases.errors.phrase.${outcome}`, req.t)
      return renderPhrases(db, req, res, { language, phrase: '', errors })
    }
    res.redirect(303, listPath(parsed.data.language))
  })
  return router
}

const languageOf = (value: string | undefined): LanguageCode =>
  languages.find(({ code }) => code === value)?.code ?? 'en'
