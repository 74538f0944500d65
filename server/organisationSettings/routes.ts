import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { Database } from '../db/database'
import { formErrors, noErrors, type FormErrors } from '../forms/formErrors'
import { postedFields } from '../forms/postedFields'
import { requireRole, signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { localHelpRoutes } from './localHelpRoutes'
import type { SettingField, SettingValue } from './queries'
import { saveSection } from './saveSettings'
import { formSections, type SettingsSection } from './sections'
import { formValues, overviewSections, publicPageLinks, sectionFields } from './settingsPages'
import { rememberSaved, settingsOf, takeSavedBanner } from './settingsRequest'

async function renderOverview(db: Database, req: Request, res: Response) {
  const settings = await settingsOf(db, req)
  res.render('manage/settings/overview', {
    pageTitle: req.t('settings.overview.title'),
    savedBanner: takeSavedBanner(req),
    sections: overviewSections(settings, req.t),
    publicPages: publicPageLinks(settings, req.t),
  })
}

function renderSection(
  req: Request,
  res: Response,
  section: SettingsSection,
  form: { values: Record<string, string>; errors: FormErrors },
) {
  const failed = form.errors.errorList.length > 0
  res.status(failed ? 400 : 200).render('manage/settings/section', {
    pageTitle: req.t(`settings.sections.${section.key}.heading`),
    hasErrors: failed,
    errors: form.errors,
    intro: req.t(`settings.sections.${section.key}.intro`),
    fields: sectionFields(section, form, req.t),
    formAction: paths.settings.section(section.slug),
    backLink: { href: paths.settings.home, text: req.t('settings.backToSettings') },
  })
}

const sectionSchema = (section: SettingsSection) =>
  z.object(Object.fromEntries(section.fields.map((field) => [field.name, field.rule])))

/** Admins set what the public pages say about their organisation, one section at a time. */
export function organisationSettingsRoutes(db: Database): Router {
  const router = Router()
  router.use(requireRole('admin'))
  router.get('/', (req, res) => renderOverview(db, req, res))
  router.use(localHelpRoutes(db))

  for (const section of formSections) {
    const fieldNames = section.fields.map((field) => field.name)
    router.get(`/${section.slug}`, async (req, res) => {
      renderSection(req, res, section, {
        values: formValues(await settingsOf(db, req), section),
        errors: noErrors,
      })
    })
    router.post(`/${section.slug}`, async (req, res) => {
      const values = postedFields(req.body, fieldNames)
      const parsed = sectionSchema(section).safeParse(values)
      if (!parsed.success) {
        renderSection(req, res, section, { values, errors: formErrors(parsed.error, req.t) })
        return
      }
      const admin = signedInOfficer(req)
      await saveSection(db, { admin, section, values: parsed.data as Record<SettingField, SettingValue> })
      rememberSaved(req, section.key)
      res.redirect(303, paths.settings.home)
    })
  }
  return router
}
