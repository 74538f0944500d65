import { z } from 'zod'
import type { PublishFrequency } from '../scorecards/model/types'

/** A place families can turn to for help, shown on the contact page and on the help page. */
export interface LocalHelpContact {
  name: string
  phone: string
  email: string
  website: string
  description: string
}

/**
 * What an organisation tells the people who answer its surveys (columns from migration 0005), and
 * how often it publishes its scorecard (0020).
 */
export interface OrganisationSettings {
  organisationId: string
  slug: string
  /** The organisation's own name in Heard; the public name, when set, is the one people see. */
  name: string
  publicName: string | null
  contactEmail: string | null
  contactPhone: string | null
  familyHelpContact: string | null
  localHelp: LocalHelpContact[]
  dataController: string | null
  lawfulBasis: string | null
  dpoContact: string | null
  accessibilityContact: string | null
  retentionMonths: number
  safeguardingRetentionMonths: number
  alertEscalationMinutes: number
  /** How often its scorecard is published (migration 0020): the periods officers choose between. */
  publishFrequency: PublishFrequency
}

/** The name the public sees: the public name if the organisation set one, else its own name. */
export const displayName = (settings: Pick<OrganisationSettings, 'name' | 'publicName'>): string =>
  settings.publicName ?? settings.name

const text = z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string())

// The list may have been written by hand or by an older version: read what is there, skip what has no name.
const localHelpSchema = z.array(
  z.object({ name: text, phone: text, email: text, website: text, description: text }).loose(),
)

export function readLocalHelp(stored: unknown): LocalHelpContact[] {
  const parsed = localHelpSchema.safeParse(stored)
  if (!parsed.success) return []
  return parsed.data
    .filter((entry) => entry.name.trim() !== '')
    .map(({ name, phone, email, website, description }) => ({ name, phone, email, website, description }))
}
