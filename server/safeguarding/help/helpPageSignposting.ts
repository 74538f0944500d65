import type { Queryable } from '../../db/database'
import { findOrganisationSettings } from '../../organisationSettings/queries'
import { paths } from '../../paths'
import type { PublishedSurvey } from '../../surveys/queries'
import { helpContactsOf, nationalHelp, type HelpContact } from './helpPage'
import { hasFreeTextAlertForDraft } from './helpRequestQueries'

export interface Signposting {
  national: typeof nationalHelp
  contacts: HelpContact[]
  helpHref: string
}

/**
 * What the thank-you page shows after answers that raised a free-text alert: who can help now, and
 * the way to the help page. Decided from the alert stored for the response this browser's draft
 * became, never from anything the browser sends.
 */
export async function signpostingAfterAnswers(
  db: Queryable,
  survey: PublishedSurvey,
  draftId: string | undefined,
): Promise<Signposting | undefined> {
  if (!draftId || !(await hasFreeTextAlertForDraft(db, survey, draftId))) return undefined
  const settings = await findOrganisationSettings(db, survey.organisationId)
  if (!settings) return undefined
  return {
    national: nationalHelp,
    contacts: helpContactsOf(settings),
    helpHref: paths.respond.talkToSomeone(survey.organisationSlug, survey.slug),
  }
}
