import { Router, type Request, type Response } from 'express'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { londonToday } from '../i18n/londonDates'
import { writeInvitationCookie } from './invitationCookie'
import { findInvitationLink, unsubscribeInvitedAddress, type InvitationLink } from './linkQueries'
import { hashLinkToken, isLinkToken } from './linkToken'

/** The invitation the link's token belongs to; a kind 404 page when there is none (or no longer). */
async function loadLink(db: Database, req: Request, res: Response): Promise<InvitationLink | undefined> {
  const token = (req.params as { token?: string }).token
  const link = isLinkToken(token) ? await findInvitationLink(db, hashLinkToken(token)) : undefined
  if (!link)
    res
      .status(404)
      .render('invitations/linkNotFound', { pageTitle: req.t('invitations.link.notFound.title') })
  return link
}

/**
 * The links in invitation emails: the survey link, used once, and the unsubscribe page. Neither needs
 * signing in. The token is in the path and so never in a log line (routes are logged by pattern).
 */
export function invitationLinkRoutes(deps: { db: Database; config: Config; clock: Clock; secret: string }) {
  const { db, config } = deps
  const router = Router()

  // A link that sent a response has done its job: say so kindly instead of starting another.
  router.get(paths.invitations.linkPattern, async (req, res) => {
    const link = await loadLink(db, req, res)
    if (!link) return
    if (link.answered) {
      res.render('invitations/alreadyAnswered', {
        pageTitle: req.t('invitations.link.answered.title'),
        organisationName: link.organisationName,
      })
      return
    }
    const survey = { organisationSlug: link.organisationSlug, slug: link.surveySlug }
    writeInvitationCookie(res, survey, {
      tokenHash: hashLinkToken(req.params.token),
      secret: deps.secret,
      ttlDays: config.draftTtlDays,
    })
    res.redirect(303, paths.respond.start(link.organisationSlug, link.surveySlug))
  })

  router.get(paths.invitations.unsubscribePattern, async (req, res) => {
    const link = await loadLink(db, req, res)
    if (!link) return
    res.render('invitations/unsubscribe', {
      pageTitle: req.t('invitations.unsubscribe.title'),
      organisationName: link.organisationName,
      formAction: req.originalUrl.split('?')[0],
    })
  })

  router.post(paths.invitations.unsubscribePattern, async (req, res) => {
    const link = await loadLink(db, req, res)
    if (!link) return
    await db.transaction((tx) => unsubscribeInvitedAddress(tx, link, londonToday(deps.clock())))
    res.redirect(303, paths.invitations.unsubscribed)
  })

  router.get(paths.invitations.unsubscribed, (req, res) => {
    res.render('invitations/unsubscribed', { pageTitle: req.t('invitations.unsubscribed.title') })
  })
  return router
}
