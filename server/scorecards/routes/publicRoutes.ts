import cors from 'cors'
import { Router, type Request, type Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formatDateTime } from '../../i18n/formatDate'
import { findOrganisationBySlug } from '../../officers/queries'
import { paths } from '../../paths'
import { organisationFooter } from '../../privacy/footerLinks'
import { periodLabel } from '../model/periodLabel'
import { easyReadView } from '../model/easyReadView'
import { scorecardView } from '../model/scorecardView'
import { snapshotLinks } from './snapshotLinks'
import {
  findLatestSnapshot,
  findSnapshot,
  listSnapshotContents,
  listSnapshots,
  type Snapshot,
} from '../store/snapshotQueries'
import { openData } from '../files/openData'
import { openDataCsv } from '../files/openDataCsv'
import { scorecardJsonSchema } from '../files/openDataSchema'
// Addresses sent before are answered from memory in front of this (publicScorecardMemory in app.ts).
import { sendRemembered } from './publicCache'
import { publicAddress, type PublicAddress } from './publicAddress'
import { publicFile, publicFileTypes } from './publicFiles'

// Hyphen-joined words with one repetition, so no input can make the match backtrack.
const slugPattern = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/

interface PublicOrganisation {
  id: string
  name: string
  slug: string
}

async function organisationOf(db: Database, req: Request): Promise<PublicOrganisation> {
  const slug = String(req.params.organisation ?? '')
  const row = slugPattern.test(slug) ? await findOrganisationBySlug(db, slug) : undefined
  if (!row) throw new NotFoundError('No such organisation')
  return row
}

/**
 * The address asked for, or a 404 for anything else: an unknown period, format or word, or a file
 * where only a page can be (an embed, an easy-read version).
 */
function addressOf(req: Request, pageOnly: boolean): PublicAddress {
  const address = publicAddress(String(req.params.file ?? ''))
  if (!address || (pageOnly && address.format !== 'page'))
    throw new NotFoundError('No such scorecard address')
  return address
}

async function snapshotOf(db: Database, organisation: PublicOrganisation, address: PublicAddress) {
  const snapshot =
    address.period === 'latest'
      ? await findLatestSnapshot(db, organisation.id)
      : await findSnapshot(db, organisation.id, address.period)
  if (!snapshot) throw new NotFoundError('No such published scorecard')
  return snapshot
}

/**
 * Published pages are the same for everyone in a language and a fixed period never changes, so
 * shared caches may keep them; the latest changes when something is published, so it is kept for
 * a minute. The language comes from a cookie, so caches keep one copy per cookie.
 */
function cacheable(res: Response, changes: boolean): Response {
  return res.set({
    'Cache-Control': changes ? 'public, max-age=60' : 'public, max-age=300',
    Vary: 'Cookie',
  })
}

async function listPage(db: Database, req: Request, res: Response) {
  const organisation = await organisationOf(db, req)
  const snapshots = await listSnapshots(db, organisation.id)
  cacheable(res, true).render('scorecards/list', {
    pageTitle: req.t('pages.publicScorecards.listTitle', { organisation: organisation.name }),
    organisationName: organisation.name,
    snapshots: snapshotLinks(snapshots, organisation.slug, req),
    latest: snapshots.length > 0 ? paths.publicScorecards.latest(organisation.slug) : undefined,
    openDataCsvHref: paths.publicScorecards.openDataCsv(organisation.slug),
    organisationFooter: organisationFooter(organisation.slug, { easyRead: false }),
  })
}

/** A page made as text, so it can be kept and sent again from memory. */
function renderToText(res: Response, view: string, model: object): Promise<string> {
  return new Promise((resolve, reject) => {
    // Express's types say an error is always passed; at run time it is null when all went well.
    res.render(view, model, (error: Error | null, html) => {
      if (error) reject(error)
      else resolve(html)
    })
  })
}

function renderPage(
  req: Request,
  res: Response,
  organisation: PublicOrganisation,
  snapshot: Snapshot,
  embed: boolean,
): Promise<string> {
  const { slug } = organisation
  const period = snapshot.content.asAt
  const model = {
    pageTitle: req.t('pages.publicScorecards.title', {
      organisation: organisation.name,
      period: periodLabel(period, req.t, req.language),
    }),
    organisationName: organisation.name,
    organisationFooter: organisationFooter(slug, { easyRead: false }),
    view: scorecardView(snapshot.content, req, {
      officer: false,
      outcomeHref: (outcome) => `#outcome-${outcome}`,
    }),
    publishedAt: formatDateTime(snapshot.publishedAt, req.language),
    listHref: paths.publicScorecards.list(slug),
    embedHref: paths.publicScorecards.embed(slug, period.key),
    easyReadHref: paths.publicScorecards.easyRead(slug, period.key),
    latestHref: paths.publicScorecards.latest(slug),
    downloads: publicFileTypes.map((format) => ({
      format,
      href: paths.publicScorecards.file(slug, period.key, format),
    })),
    openDataHref: paths.publicScorecards.file(slug, period.key, 'json'),
    openDataCsvHref: paths.publicScorecards.openDataCsv(slug),
  }
  return renderToText(res, embed ? 'scorecards/embed' : 'scorecards/snapshot', model)
}

function renderEasyRead(
  req: Request,
  res: Response,
  organisation: PublicOrganisation,
  snapshot: Snapshot,
  address: PublicAddress,
): Promise<string> {
  const { t, language } = req
  const view = easyReadView(snapshot.content, { t, language })
  const model = {
    pageTitle: t('easyReadScorecard.title', { organisation: organisation.name }),
    easyRead: true,
    organisationName: organisation.name,
    organisationFooter: organisationFooter(organisation.slug, { easyRead: true }),
    easyReadView: view,
    intro: t('easyReadScorecard.intro', { returnObjects: true, period: view.period }) as unknown as string[],
    means: t('easyReadScorecard.means', {
      returnObjects: true,
      threshold: view.threshold,
    }) as unknown as string[],
    standardHref:
      address.period === 'latest'
        ? paths.publicScorecards.latest(organisation.slug)
        : paths.publicScorecards.snapshot(organisation.slug, snapshot.period),
  }
  return renderToText(res, 'scorecards/easyRead', model)
}

function embedPolicy(res: Response): string {
  const policy = String(res.getHeader('Content-Security-Policy') ?? '')
  return policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *')
}

/** The easy-read version of a published scorecard, at a fixed period or the latest. */
function easyReadAddress(db: Database) {
  return async (req: Request, res: Response) => {
    const address = addressOf(req, true)
    const changes = address.period === 'latest'
    cacheable(res, changes)
    const organisation = await organisationOf(db, req)
    const snapshot = await snapshotOf(db, organisation, address)
    res.type('html')
    sendRemembered(req, res, await renderEasyRead(req, res, organisation, snapshot, address), {
      organisation: organisation.slug,
      changes,
    })
  }
}

/** A published scorecard at a fixed period or the latest, as a page, an embed, open data or a download. */
function snapshotAddress(db: Database, baseUrl: string, embed: boolean) {
  return async (req: Request, res: Response) => {
    const address = addressOf(req, embed)
    const changes = address.period === 'latest'
    if (address.format === 'page' && embed) {
      // The embed is made to sit in a council's own Local Offer pages, so it may be framed anywhere.
      res.removeHeader('X-Frame-Options')
      res.set('Content-Security-Policy', embedPolicy(res))
    }
    cacheable(res, changes)
    const organisation = await organisationOf(db, req)
    const snapshot = await snapshotOf(db, organisation, address)
    const remember = { organisation: organisation.slug, changes }
    if (address.format === 'page') {
      res.type('html')
      sendRemembered(req, res, await renderPage(req, res, organisation, snapshot, embed), remember)
    } else if (address.format === 'json') {
      const json = openData(snapshot, {
        schema: `${baseUrl}${paths.scorecardSchema}`,
        page: `${baseUrl}${paths.publicScorecards.snapshot(organisation.slug, snapshot.period)}`,
      })
      res.type('application/json')
      sendRemembered(req, res, JSON.stringify(json, null, 2), remember)
    } else {
      const file = await publicFile(snapshot.content, address.format, req)
      const name = address.period === 'latest' ? 'latest' : snapshot.period.toLowerCase()
      res.attachment(`${organisation.slug}-scorecard-${name}.${address.format}`).type(file.type)
      sendRemembered(req, res, file.body, remember)
    }
  }
}

async function openDataCsvFile(db: Database, req: Request, res: Response) {
  cacheable(res, true)
  const organisation = await organisationOf(db, req)
  const snapshots = await listSnapshotContents(db, organisation.id)
  res.type('text/csv; charset=utf-8').attachment(`${organisation.slug}-scorecard-values.csv`)
  sendRemembered(req, res, openDataCsv(snapshots), { organisation: organisation.slug, changes: true })
}

// Open data may be read by any site's scripts, with If-None-Match so a poll costs nothing.
const openToAll = cors({
  origin: '*',
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['If-None-Match'],
  exposedHeaders: ['ETag'],
  maxAge: 86_400,
})

/**
 * Published scorecards: no sign-in, at stable addresses. Each period and the latest as a page, an
 * embed, JSON open data (with its schema), and CSV, XLSX and PDF downloads; every value over time
 * as one CSV.
 */
export function publicScorecardRoutes(db: Database, { baseUrl }: { baseUrl: string }): Router {
  const router = Router()
  router.options(paths.scorecardSchema, openToAll)
  router.get(paths.scorecardSchema, openToAll, (_req, res) => {
    res
      .set('Cache-Control', 'public, max-age=3600')
      .type('application/schema+json')
      .send(scorecardJsonSchema())
  })
  router.get('/scorecards/:organisation', (req, res) => listPage(db, req, res))
  router.options('/scorecards/:organisation/:file', openToAll)
  router.get('/scorecards/:organisation/values.csv', openToAll, (req, res) => openDataCsvFile(db, req, res))
  router.get('/scorecards/:organisation/:file', openToAll, snapshotAddress(db, baseUrl, false))
  router.get('/scorecards/:organisation/:file/embed', snapshotAddress(db, baseUrl, true))
  router.get('/scorecards/:organisation/:file/easy-read', easyReadAddress(db))
  return router
}
