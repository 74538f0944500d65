import { displayName, type OrganisationSettings } from '../organisationSettings/settings'
import { contactLines, localHelpView, organisationContact, type ContactLine } from './contactLines'

/**
 * Whom to ask about something: the contact set for it ('own'), else the organisation's own contact
 * ('organisation'), else only the organisation's name ('name'). Each page has words for each kind,
 * so a page never shows an empty placeholder.
 */
export interface Reach {
  kind: 'own' | 'organisation' | 'name'
  lines: ContactLine[]
}

function reach(own: ContactLine[], contact: ContactLine[]): Reach {
  if (own.length > 0) return { kind: 'own', lines: own }
  if (contact.length > 0) return { kind: 'organisation', lines: contact }
  return { kind: 'name', lines: [] }
}

/** What the public pages say about an organisation, from its settings, with a default for each gap. */
export function organisationFacts(settings: OrganisationSettings) {
  const contact = organisationContact(settings)
  return {
    slug: settings.slug,
    name: displayName(settings),
    /** The organisation itself is the controller unless its settings name another body. */
    controller: settings.dataController ?? displayName(settings),
    /** The organisation's own words on its lawful basis; empty means the notice's standard wording. */
    lawfulBasis: settings.lawfulBasis ? settings.lawfulBasis.split('\n').filter((line) => line !== '') : [],
    contact,
    familyHelp: contactLines(settings.familyHelpContact),
    localHelp: settings.localHelp.map(localHelpView),
    dpo: reach(contactLines(settings.dpoContact), contact),
    accessibility: reach(contactLines(settings.accessibilityContact), contact),
    retentionMonths: settings.retentionMonths,
    safeguardingRetentionMonths: settings.safeguardingRetentionMonths,
  }
}

export type OrganisationFacts = ReturnType<typeof organisationFacts>
