import { dialledDigits, isHttpsUrl } from '../../organisationSettings/fieldRules'
import { displayName, type OrganisationSettings } from '../../organisationSettings/settings'
import { paths } from '../../paths'
import type { Audience } from '../../surveys/definitionSchema'

interface Link {
  text: string
  href: string
}

/** A place a young person can turn to, as the help page shows it: every way to reach it is a link. */
export interface HelpContact {
  name: string
  description: string
  phone?: Link
  email?: Link
  website?: Link
}

/** Who can help now, wherever the young person is. The same everywhere, so not a setting. */
export const nationalHelp = {
  childlinePhone: { text: '0800 1111', href: 'tel:08001111' },
  childlineWebsite: { text: 'childline.org.uk', href: 'https://www.childline.org.uk/' },
  emergencyPhone: { text: '999', href: 'tel:999' },
} as const

const phoneLink = (phone: string): Link | undefined =>
  phone.trim() === '' ? undefined : { text: phone.trim(), href: `tel:${dialledDigits(phone)}` }

const emailLink = (email: string): Link | undefined =>
  email.trim() === '' ? undefined : { text: email.trim(), href: `mailto:${email.trim()}` }

// Only https addresses become links, so a hand-edited list can never put a script URL on the page.
const websiteLink = (website: string): Link | undefined =>
  isHttpsUrl(website.trim())
    ? { text: website.trim().replace(/^https:\/\//, ''), href: website.trim() }
    : undefined

/**
 * The organisation's own contacts for signposting: its local help list (SENDIASS, the children's
 * services front door ...), or, when it has none, the organisation itself with its contact details.
 */
export function helpContactsOf(settings: OrganisationSettings): HelpContact[] {
  if (settings.localHelp.length === 0)
    return [
      {
        name: displayName(settings),
        description: '',
        phone: phoneLink(settings.contactPhone ?? ''),
        email: emailLink(settings.contactEmail ?? ''),
      },
    ]
  return settings.localHelp.map((entry) => ({
    name: entry.name,
    description: entry.description,
    phone: phoneLink(entry.phone),
    email: emailLink(entry.email),
    website: websiteLink(entry.website),
  }))
}

export interface HelpLink {
  href: string
  /** On the help page itself the link says so (aria-current) rather than leading to itself. */
  current: boolean
}

/**
 * The "I want to talk to someone" link shown near the top of every page of a young person's survey.
 * Other audiences have their own routes to help (the contact page in the footer), so no link.
 */
export function helpLinkFor(
  survey: { organisationSlug: string; slug: string },
  audience: Audience,
  current = false,
): HelpLink | undefined {
  if (audience !== 'young-person') return undefined
  return { href: paths.respond.talkToSomeone(survey.organisationSlug, survey.slug), current }
}
