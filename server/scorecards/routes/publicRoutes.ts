import { Router, type Request, type Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formatDateTime } from '../../i18n/formatDate'
import { findOrganisationBySlug } from '../../officers/queries'
import { paths } from '../../paths'
import { organisationFooter } from '../../privacy/footerLinks'
import { periodLabel } from '../model/periodLabel'
import { parsePeriod } from '../model/periods'
import { scorecardView } from '../model/scorecardView'
import { snapshotLinks } from './snapshotLinks'
import { findSnapshot, listSnapshots } from '../store/snapshotQueries'
import { openData } from '../files/openData'

// Hyphen-joined words with one repetition, so no input can make the match backtrack.
const slugPattern = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/

async function organisationOf(
  db: Database,
  req: Request,
): Promise<{ id: string; name: string; slug: string }> {
  const slug = String(req.params.organisation ?? '')
  const row = slugPattern.test(slug) ? await findOrganisationBySlug(db, slug) : undefined
  if (!row) throw new NotFoundError('No such organisation')
  return row
}

async function snapshotOf(db: Database, req: Request) {
  const organisation = await organisationOf(db, req)
  const period = parsePeriod('quarterly', String(req.params.period ?? ''))
  const snapshot = period ? await findSnapshot(db, organisation.id, period.key) : undefined
  if (!period || !snapshot) throw new NotFoundError('No such published scorecard')
  return { organisation, period, snapshot }
}

// Published pages are the same for everyone and never change, so shared caches may keep them.
const cacheable = (res: Response) => res.set('Cache-Control', 'public, max-age=300')

async function listPage(db: Database, req: Request, res: Response) {
  const organisation = await organisationOf(db, req)
  const snapshots = await listSnapshots(db, organisation.id)
  cacheable(res).render('scorecards/list', {
    pageTitle: req.t('pages.publicScorecards.listTitle', { organisation: organisation.name }),
    organisationName: organisation.name,
    snapshots: snapshotLinks(snapshots, organisation.slug, req),
    organisationFooter: organisationFooter(organisation.slug, { easyRead: false }),
  })
}

function snapshotPage(db: Database, view: 'scorecards/snapshot' | 'scorecards/embed') {
  return async (req: Request, res: Response) => {
    const { organisation, period, snapshot } = await snapshotOf(db, req)
    // The embed is made to sit in a council's own Local Offer pages, so it may be framed anywhere.
    if (view === 'scorecards/embed') res.removeHeader('X-Frame-Options')
    if (view === 'scorecards/embed') res.set('Content-Security-Policy', embedPolicy(res))
    cacheable(res).render(view, {
      pageTitle: req.t('pages.publicScorecards.title', {
        organisation: organisation.name,
        period: periodLabel(period, req.t, req.language),
      }),
      organisationName: organisation.name,
      organisationFooter: organisationFooter(organisation.slug, { easyRead: false }),
      view: scorecardView(snapshot.content, req, {
        officer: false,
        outcomeHref: (slug) => `#outcome-${slug}`,
      }),
      publishedAt: formatDateTime(snapshot.publishedAt, req.language),
      listHref: paths.publicScorecards.list(organisation.slug),
      openDataHref: paths.publicScorecards.openData(organisation.slug, period.key),
      embedHref: paths.publicScorecards.embed(organisation.slug, period.key),
    })
  }
}

function embedPolicy(res: Response): string {
  const policy = String(res.getHeader('Content-Security-Policy') ?? '')
  return policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *')
}

async function openDataFile(db: Database, req: Request, res: Response) {
  const { snapshot } = await snapshotOf(db, req)
  cacheable(res)
    .type('application/json')
    .send(JSON.stringify(openData(snapshot), null, 2))
}

/** Published scorecards: no sign-in, at stable addresses, each snapshot as a page, an embed and open data. */
export function publicScorecardRoutes(db: Database): Router {
  const router = Router()
  router.get('/scorecards/:organisation', (req, res) => listPage(db, req, res))
  router.get('/scorecards/:organisation/:period.json', (req, res) => openDataFile(db, req, res))
  router.get('/scorecards/:organisation/:period', snapshotPage(db, 'scorecards/snapshot'))
  router.get('/scorecards/:organisation/:period/embed', snapshotPage(db, 'scorecards/embed'))
  return router
}
