import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { recordAudit } from '../audit/recordAudit'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { formErrors, noErrors } from '../forms/formErrors'
import type { Mailer } from '../mail/mailer'
import { emailField, postedFields } from '../officers/officerForms'
import { findOfficer, findOfficerByEmail, normaliseEmail } from '../officers/queries'
import { defaultLanguage } from '../i18n/languages'
import { paths } from '../paths'
import { allowSignInRequest } from './rateLimit'
import { endSession, startOfficerSession } from './session'
import { createSignInLink, isUsableLink, signInLinkMinutes, spendSignInLink } from './signInLinks'
import { signInMessage } from './signInMessage'

const requestSchema = z.object({ email: emailField })
const tokenSchema = z.object({ token: z.string().max(100) })

const renderRequest = (
  req: Request,
  res: Response,
  form: { email: string; status?: number; errors?: ReturnType<typeof formErrors> },
) => {
  res.status(form.status ?? 200).render('signIn/request', {
    pageTitle: req.t('pages.signIn.title'),
    email: form.email,
    errors: form.errors ?? noErrors,
    hasErrors: (form.errors?.errorList.length ?? 0) > 0,
    notice: req.query.expired === '1' ? req.t('pages.signIn.idleNotice') : undefined,
  })
}

/** Sign-in by a one-time emailed link, and sign-out. */
export function signInRoutes(deps: { db: Database; config: Config; mailer: Mailer }): Router {
  const { db, config, mailer } = deps
  const router = Router()

  router.get(paths.signIn.request, (req, res) => {
    renderRequest(req, res, { email: '' })
  })

  router.post(paths.signIn.request, async (req, res) => {
    const parsed = requestSchema.safeParse(req.body)
    const typed = postedFields(req.body, ['email']).email ?? ''
    if (!parsed.success) {
      renderRequest(req, res, { email: typed, status: 400, errors: formErrors(parsed.error, req.t) })
      return
    }
    const email = normaliseEmail(parsed.data.email)
    if (!(await allowSignInRequest(db, { email, client: req.ip ?? 'unknown' }))) {
      res
        .status(429)
        .render('signIn/tooMany', { pageTitle: req.t('pages.tooMany.title'), minutes: signInLinkMinutes })
      return
    }
    const officer = await findOfficerByEmail(db, email)
    if (officer) {
      const token = await createSignInLink(db, officer)
      const link = `${config.baseUrl}${paths.signIn.link(token)}`
      await mailer
        .send(
          signInMessage({ to: officer.email, link, organisationName: officer.organisationName, t: req.t }),
        )
        .catch((error: unknown) => {
          req.log.error({ err: error }, 'sign-in email could not be sent')
        })
    }
    // The same page whether or not the address belongs to an officer.
    res.render('signIn/checkEmail', {
      pageTitle: req.t('pages.checkEmail.title'),
      email,
      minutes: signInLinkMinutes,
    })
  })

  // Opening the link shows a button rather than signing in, so a mail scanner following it spends nothing.
  router.get(paths.signIn.linkPattern, async (req, res) => {
    const token = (req.params as { token?: string }).token ?? ''
    const usable = await isUsableLink(db, token)
    res.status(usable ? 200 : 410).render('signIn/link', {
      pageTitle: req.t(usable ? 'pages.signInLink.title' : 'pages.signInLink.expiredHeading'),
      usable,
      token,
      minutes: signInLinkMinutes,
    })
  })

  router.post(paths.signIn.linkAction, async (req, res) => {
    const parsed = tokenSchema.safeParse(req.body)
    const spent = parsed.success ? await spendSignInLink(db, parsed.data.token) : undefined
    const officer =
      spent && (await findOfficer(db, { organisationId: spent.organisationId, id: spent.officerId }))
    if (!officer) {
      res.status(410).render('signIn/link', {
        pageTitle: req.t('pages.signInLink.expiredHeading'),
        usable: false,
        token: '',
        minutes: signInLinkMinutes,
      })
      return
    }
    await startOfficerSession(req, officer)
    await recordAudit(db, { organisationId: officer.organisationId, officer, action: 'signed-in' })
    res.redirect(303, paths.manage.surveys)
  })

  router.post(paths.signIn.signOut, async (req, res) => {
    const signedIn = req.session.officer
    if (signedIn) {
      const officer = await findOfficer(db, signedIn)
      await recordAudit(db, { organisationId: signedIn.organisationId, officer, action: 'signed-out' })
    }
    const language = req.language
    await endSession(req)
    res.clearCookie('heard.sid')
    // The session and its language are gone; the next page still speaks the person's language.
    res.redirect(
      303,
      language === defaultLanguage ? paths.signIn.signedOut : `${paths.signIn.signedOut}?lang=${language}`,
    )
  })

  router.get(paths.signIn.signedOut, (req, res) => {
    res.render('signIn/signedOut', { pageTitle: req.t('pages.signedOut.title') })
  })
  return router
}
