import { createHash } from 'node:crypto'
import { z } from 'zod'
import { optionalEmail, optionalPhone, optionalText, optionalWebsite, requiredText } from './fieldRules'
import type { LocalHelpContact } from './settings'

/** Enough for a council's own services and the national lines it points to, short enough to read. */
export const localHelpLimit = 20

/** The form's fields, named apart from the organisation's own contact fields. */
export const localHelpFields = [
  'helpName',
  'helpPhone',
  'helpEmail',
  'helpWebsite',
  'helpDescription',
] as const

export const localHelpSchema = z
  .object({
    helpName: requiredText('helpName', 120),
    helpPhone: optionalPhone('helpPhone'),
    helpEmail: optionalEmail('helpEmail'),
    helpWebsite: optionalWebsite('helpWebsite'),
    helpDescription: optionalText('helpDescription', 300),
  })
  .refine((entry) => entry.helpPhone !== null || entry.helpEmail !== null || entry.helpWebsite !== null, {
    message: 'settings.errors.helpPhone.oneWay',
    path: ['helpPhone'],
  })
  .transform((entry): LocalHelpContact => ({
    name: entry.helpName,
    phone: entry.helpPhone ?? '',
    email: entry.helpEmail ?? '',
    website: entry.helpWebsite ?? '',
    description: entry.helpDescription ?? '',
  }))

/**
 * Names an entry by what it says, so a remove button removes the entry the admin saw even if someone
 * else changed the list meanwhile (a position could by then point at another entry).
 */
export function localHelpKey(entry: LocalHelpContact): string {
  const content = JSON.stringify([entry.name, entry.phone, entry.email, entry.website, entry.description])
  return createHash('sha256').update(content).digest('hex').slice(0, 16)
}

/** The list without the entry with this key (the first, if two are the same), or undefined if it is gone. */
export function withoutEntry(entries: LocalHelpContact[], key: string): LocalHelpContact[] | undefined {
  const index = entries.findIndex((entry) => localHelpKey(entry) === key)
  return index < 0 ? undefined : entries.filter((_, at) => at !== index)
}
