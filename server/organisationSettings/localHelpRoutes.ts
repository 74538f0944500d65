import { Router, type Request, type Response } from 'express'
import type { Database } from '../db/database'
import { fieldError, formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { postedFields } from '../forms/postedFields'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { localHelpFields, localHelpLimit, localHelpSchema } from './localHelp'
import { addLocalHelp, removeLocalHelp } from './saveSettings'
import { localHelpSection } from './sections'
import { localHelpEntries } from './settingsPages'
import { rememberSaved, settingsOf, takeSavedBanner } from './settingsRequest'

const emptyEntry = Object.fromEntries(localHelpFields.map((name) => [name, '']))

async function renderLocalHelp(
  db: Database,
  req: Request,
  res: Response,
  form: { values: Record<string, string>; errors: FormErrors } = { values: emptyEntry, errors: noErrors },
) {
  const settings = await settingsOf(db, req)
  const failed = form.errors.errorList.length > 0
  res.status(failed ? 400 : 200).render('manage/settings/localHelp', {
    pageTitle: req.t('settings.sections.localHelp.heading'),
    hasErrors: failed,
    errors: form.errors,
    savedBanner: failed ? undefined : takeSavedBanner(req),
    entries: localHelpEntries(settings.localHelp, req.t),
    full: settings.localHelp.length >= localHelpLimit,
    values: form.values,
    formAction: paths.settings.section(localHelpSection.slug),
    removeAction: paths.settings.localHelpRemove,
    backLink: { href: paths.settings.home, text: req.t('settings.backToSettings') },
  })
}

/**
 * The local help contacts: a list with a remove button on each entry and a form that adds one, so
 * entries come and go without JavaScript. Each change returns to this page with a banner.
 */
export function localHelpRoutes(db: Database): Router {
  const router = Router()
  const page = `/${localHelpSection.slug}`
  router.get(page, (req, res) => renderLocalHelp(db, req, res))

  router.post(page, async (req, res) => {
    const values = postedFields(req.body, [...localHelpFields])
    const parsed = localHelpSchema.safeParse(values)
    if (!parsed.success) {
      await renderLocalHelp(db, req, res, { values, errors: formErrors(parsed.error, req.t) })
      return
    }
    const added = await addLocalHelp(db, { admin: signedInOfficer(req), entry: parsed.data })
    if (!added) {
      const errors = fieldError('localHelpFull', 'settings.errors.localHelp.full', req.t)
      await renderLocalHelp(db, req, res, { values, errors })
      return
    }
    rememberSaved(req, localHelpSection.key)
    res.redirect(303, paths.settings.section(localHelpSection.slug))
  })

  router.post(`${page}/remove`, async (req, res) => {
    const { entry } = postedFields(req.body, ['entry'])
    // A contact someone else removed already is gone either way: back to the list, which shows that.
    if (entry && (await removeLocalHelp(db, { admin: signedInOfficer(req), key: entry })))
      rememberSaved(req, 'localHelpRemoved')
    res.redirect(303, paths.settings.section(localHelpSection.slug))
  })
  return router
}
