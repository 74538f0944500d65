import { recordRefusedSignInLink } from '../audit/refusals'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { recordAudit } from '../audit/recordAudit'
import { servedOverTls, type Config } from '../config'
import { sessionCookieNameFor } from '../middleware/setUpSession'
import { siteCookieOptions } from '../sessions/cookieNames'
import type { Database } from '../db/database'
import { formErrors, noErrors } from '../forms/formErrors'
import type { JobSender } from '../jobs/jobQueue'
import { acceptInvitation } from '../officers/invitationQueries'
import { emailField } from '../officers/officerForms'
import { postedFields } from '../forms/postedFields'
import { findOfficer, normaliseEmail } from '../officers/queries'
import { defaultLanguage } from '../i18n/languages'
import { paths } from '../paths'
import { isGuessingRefused, recordBadToken, signInLimits } from './rateLimit'
import { requestSignInLink } from './requestSignInLink'
import { endSession, startOfficerSession } from './session'
import { isUsableLink, signInLinkMinutes, spendSignInLink } from './signInLinks'

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

const clientOf = (req: Request): string => req.ip ?? 'unknown'

const refuseTooMany = (req: Request, res: Response) => {
  res.status(429).render('signIn/tooMany', {
    pageTitle: req.t('pages.tooMany.title'),
    minutes: signInLimits.windowMinutes,
  })
}

const renderUnusableLink = (req: Request, res: Response) => {
  res.status(410).render('signIn/link', {
    pageTitle: req.t('pages.signInLink.expiredHeading'),
    usable: false,
    token: '',
    minutes: signInLinkMinutes,
  })
}

/** Sign-in by a one-time emailed link, and sign-out. */
export function signInRoutes(deps: { db: Database; config: Config; jobs: JobSender }): Router {
  const { db } = deps
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
    const asked = { email, client: clientOf(req), language: req.language }
    if (!(await requestSignInLink(deps, asked))) {
      refuseTooMany(req, res)
      return
    }
    // The same page whether or not the address belongs to an officer, and whether or not it is sent.
    res.render('signIn/checkEmail', {
      pageTitle: req.t('pages.checkEmail.title'),
      email,
      minutes: signInLinkMinutes,
    })
  })

  // Opening the link shows a button rather than signing in, so a mail scanner following it spends nothing.
  // A client that presented too many unusable tokens is refused before its token is even looked at,
  // so guessing costs time; other clients are not affected.
  router.get(paths.signIn.linkPattern, async (req, res) => {
    if (await isGuessingRefused(db, clientOf(req))) {
      refuseTooMany(req, res)
      return
    }
    const token = (req.params as { token?: string }).token ?? ''
    if (!(await isUsableLink(db, token))) {
      await recordBadToken(db, clientOf(req))
      renderUnusableLink(req, res)
      return
    }
    res.render('signIn/link', {
      pageTitle: req.t('pages.signInLink.title'),
      usable: true,
      token,
      minutes: signInLinkMinutes,
    })
  })

  router.post(paths.signIn.linkAction, async (req, res) => {
    if (await isGuessingRefused(db, clientOf(req))) {
      refuseTooMany(req, res)
      return
    }
    const parsed = tokenSchema.safeParse(req.body)
    const spent = parsed.success ? await spendSignInLink(db, parsed.data.token) : undefined
    const officer =
      spent && (await findOfficer(db, { organisationId: spent.organisationId, id: spent.officerId }))
    if (!officer) {
      await recordBadToken(db, clientOf(req))
      await recordRefusedSignInLink(db, (req.body as { token?: unknown }).token)
      renderUnusableLink(req, res)
      return
    }
    await startOfficerSession(req, officer)
    await acceptInvitation(db, officer)
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
    res.clearCookie(
      sessionCookieNameFor(servedOverTls(deps.config)),
      siteCookieOptions(servedOverTls(deps.config)),
    )
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
