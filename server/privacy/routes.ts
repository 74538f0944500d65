import { Router, type Request, type Response } from 'express'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { formatDate } from '../i18n/formatDate'
import { findOrganisationSettingsBySlug } from '../organisationSettings/queries'
import { paths, routePatterns } from '../paths'
import { organisationFooter } from './footerLinks'
import { nationalContacts } from './nationalContacts'
import { organisationFacts, type OrganisationFacts } from './organisationFacts'
import { statementDate, statementDates } from './statementDates'

// Hyphen-joined words with one repetition, so no input can make the match backtrack.
const slugPattern = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/

async function factsOf(db: Database, req: Request): Promise<OrganisationFacts> {
  const slug = String(req.params.organisation ?? '')
  const settings = slugPattern.test(slug) ? await findOrganisationSettingsBySlug(db, slug) : undefined
  if (!settings) throw new NotFoundError('No such organisation')
  return organisationFacts(settings)
}

type PageName = 'notice' | 'easyRead' | 'accessibility' | 'contact'

function page(db: Database, name: PageName) {
  return async (req: Request, res: Response) => {
    const facts = await factsOf(db, req)
    const easyRead = name === 'easyRead'
    res.render(`privacy/${name}`, {
      pageTitle: req.t(`privacy.${name}.title`, { organisation: facts.name }),
      organisationName: facts.name,
      organisationFooter: organisationFooter(facts.slug, { easyRead }),
      easyRead,
      facts,
      national: nationalContacts,
      links: {
        privacy: paths.organisationPages.privacy(facts.slug),
        easyReadPrivacy: paths.organisationPages.easyReadPrivacy(facts.slug),
        accessibility: paths.organisationPages.accessibility(facts.slug),
        contact: paths.organisationPages.contact(facts.slug),
      },
      dates: {
        prepared: formatDate(statementDate(statementDates.prepared), req.language),
        reviewed: formatDate(statementDate(statementDates.reviewed), req.language),
        tested: formatDate(statementDate(statementDates.tested), req.language),
      },
    })
  }
}

/**
 * Each organisation's public pages, made from its settings, in every language and with no sign-in:
 * the privacy notice (and an easy-read one for young people), the accessibility statement and the
 * contact and help page. An unknown organisation is 404.
 */
export function organisationPageRoutes(db: Database): Router {
  const patterns = routePatterns.organisationPages
  const router = Router()
  router.get(patterns.privacy, page(db, 'notice'))
  router.get(patterns.easyReadPrivacy, page(db, 'easyRead'))
  router.get(patterns.accessibility, page(db, 'accessibility'))
  router.get(patterns.contact, page(db, 'contact'))
  return router
}
