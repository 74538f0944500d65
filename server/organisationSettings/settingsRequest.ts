import type { Request } from 'express'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { findOrganisationSettings } from './queries'
import { sectionKeys } from './sections'
import type { OrganisationSettings } from './settings'

declare module 'express-session' {
  interface SessionData {
    /** What was just saved, for the success banner on the next page (then forgotten). */
    settingsSaved?: string
  }
}

const banners = [...sectionKeys, 'localHelpRemoved']

/** The signed-in admin's organisation settings. */
export async function settingsOf(db: Database, req: Request): Promise<OrganisationSettings> {
  const settings = await findOrganisationSettings(db, signedInOfficer(req).organisationId)
  if (!settings) throw new NotFoundError('No such organisation')
  return settings
}

/** Remembers what was saved, for the page the browser is redirected to. */
export function rememberSaved(req: Request, banner: string): void {
  req.session.settingsSaved = banner
}

/** The success banner's words for what was saved just before this page, shown once. */
export function takeSavedBanner(req: Request): string | undefined {
  const saved = req.session.settingsSaved
  delete req.session.settingsSaved
  return saved && banners.includes(saved) ? req.t(`settings.saved.${saved}`) : undefined
}
