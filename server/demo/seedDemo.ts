import { randomUUID } from 'node:crypto'
import type { Database } from '../db/database'
import type { Translate } from '../i18n/translator'
import { insertOfficer } from '../officers/queries'
import { paths } from '../paths'
import { insertSurveyFromTemplate } from '../surveys/queries'
import { listTemplateIds, loadTemplate } from '../surveys/templates'
import { hasAnyOrganisation, insertOrganisation, listOpenSurveySlugs } from './demoQueries'
import { seedDemoSafeguarding } from './demoSafeguarding'
import { seedDemoScorecards } from './demoScorecards'

export const demoOrganisation = {
  slug: 'demo-council',
  name: 'Demo Council',
  admin: 'admin@demo-council.example',
}

/**
 * On an empty database, a demo organisation with every template survey open, a year of made-up
 * responses and its scorecards. Returns the path of
 * each demo survey's start page, whether or not it was created this time.
 */
export async function seedDemo(
  db: Database,
  t: Translate,
): Promise<{ created: boolean; surveyPaths: string[] }> {
  const created = await db.transaction(async (tx) => {
    if (await hasAnyOrganisation(tx)) return undefined
    const organisationId = randomUUID()
    await insertOrganisation(tx, {
      id: organisationId,
      slug: demoOrganisation.slug,
      name: demoOrganisation.name,
    })
    const admin = await insertOfficer(tx, { organisationId, email: demoOrganisation.admin, role: 'admin' })
    if (admin) await seedDemoSafeguarding(tx, { id: organisationId, adminId: admin.id })
    for (const templateId of listTemplateIds()) {
      await insertSurveyFromTemplate(tx, {
        organisationId,
        slug: templateId,
        template: loadTemplate(templateId),
        status: 'open',
      })
    }
    return { id: organisationId, admin: { id: admin?.id ?? '', email: demoOrganisation.admin } }
  })
  if (created)
    await seedDemoScorecards(db, { ...created, name: demoOrganisation.name, slug: demoOrganisation.slug }, t)
  const surveys = await listOpenSurveySlugs(db, demoOrganisation.slug)
  return {
    created: created !== undefined,
    surveyPaths: surveys.map((slug) => paths.respond.start(demoOrganisation.slug, slug)),
  }
}
