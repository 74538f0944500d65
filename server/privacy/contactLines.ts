import { z } from 'zod'
import { dialledDigits, isHttpsUrl, isUkPhone } from '../organisationSettings/fieldRules'
import type { LocalHelpContact } from '../organisationSettings/settings'

/** A line of contact details as a page shows it: a link when it is an address, a number or a website. */
export interface ContactLine {
  text: string
  href?: string
  /** Numbers and addresses read left to right inside right-to-left pages. */
  ltr?: boolean
}

const isEmail = (value: string) => z.email().safeParse(value).success

export const phoneLine = (value: string): ContactLine => ({
  text: value,
  href: `tel:${dialledDigits(value)}`,
  ltr: true,
})
export const emailLine = (value: string): ContactLine => ({ text: value, href: `mailto:${value}`, ltr: true })
export const websiteLine = (value: string): ContactLine => ({ text: value, href: value, ltr: true })

/** Free text an admin wrote, line by line; a line that is only an address or a number becomes a link. */
export function contactLines(text: string | null): ContactLine[] {
  if (!text) return []
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      if (isEmail(line)) return emailLine(line)
      if (isUkPhone(line)) return phoneLine(line)
      if (isHttpsUrl(line)) return websiteLine(line)
      return { text: line }
    })
}

/** The organisation's contact email and phone, whichever it gave. */
export function organisationContact(settings: { contactEmail: string | null; contactPhone: string | null }) {
  return [
    ...(settings.contactEmail ? [emailLine(settings.contactEmail)] : []),
    ...(settings.contactPhone ? [phoneLine(settings.contactPhone)] : []),
  ]
}

/** A local help contact with each way to reach it as a link. */
export const localHelpView = (entry: LocalHelpContact) => ({
  name: entry.name,
  description: entry.description,
  ways: [
    ...(entry.phone ? [phoneLine(entry.phone)] : []),
    ...(entry.email ? [emailLine(entry.email)] : []),
    ...(entry.website ? [websiteLine(entry.website)] : []),
  ],
})
