import type { z } from 'zod'
import { publishFrequencies } from '../scorecards/model/types'
import {
  oneOf,
  optionalEmail,
  optionalParagraphs,
  optionalPhone,
  optionalText,
  wholeNumber,
} from './fieldRules'
import type { SettingField, SettingValue } from './queries'

export type FieldKind = 'text' | 'paragraphs' | 'email' | 'phone' | 'number' | 'choice'

export interface SettingFieldSpec {
  name: SettingField
  kind: FieldKind
  rule: z.ZodType<SettingValue, string>
  /** A choice's stored values, in the order its radios are shown. */
  options?: readonly string[]
}

/** A settings page with one form of plain fields: its address, its locale key and its fields. */
export interface SettingsSection {
  slug: string
  key: string
  fields: SettingFieldSpec[]
}

const field = (name: SettingField, kind: FieldKind, rule: z.ZodType<SettingValue, string>) => ({
  name,
  kind,
  rule,
})

const choice = (name: SettingField, options: readonly string[]) => ({
  ...field(name, 'choice', oneOf(name, options)),
  options,
})

// The ranges match the columns' CHECK constraints in migration 0005 (and the choice, 0020's).
export const formSections: SettingsSection[] = [
  {
    slug: 'organisation',
    key: 'organisation',
    fields: [
      field('publicName', 'text', optionalText('publicName', 120)),
      field('contactEmail', 'email', optionalEmail('contactEmail')),
      field('contactPhone', 'phone', optionalPhone('contactPhone')),
      field('familyHelpContact', 'paragraphs', optionalParagraphs('familyHelpContact', 500)),
    ],
  },
  {
    slug: 'data-protection',
    key: 'dataProtection',
    fields: [
      field('dataController', 'text', optionalText('dataController', 200)),
      field('lawfulBasis', 'paragraphs', optionalParagraphs('lawfulBasis', 1000)),
      field('dpoContact', 'paragraphs', optionalParagraphs('dpoContact', 500)),
      field('retentionMonths', 'number', wholeNumber('retentionMonths', { min: 1, max: 120 })),
    ],
  },
  {
    slug: 'accessibility',
    key: 'accessibility',
    fields: [field('accessibilityContact', 'paragraphs', optionalParagraphs('accessibilityContact', 500))],
  },
  {
    slug: 'safeguarding',
    key: 'safeguarding',
    fields: [
      field(
        'alertEscalationMinutes',
        'number',
        wholeNumber('alertEscalationMinutes', { min: 5, max: 10080 }),
      ),
      field(
        'safeguardingRetentionMonths',
        'number',
        wholeNumber('safeguardingRetentionMonths', { min: 1, max: 300 }),
      ),
    ],
  },
  {
    slug: 'scorecards',
    key: 'scorecards',
    fields: [choice('publishFrequency', publishFrequencies)],
  },
]

/** The local help contacts have a page of their own: a list with add and remove. */
export const localHelpSection = { slug: 'local-help', key: 'localHelp' } as const

export const sectionKeys = [...formSections.map((section) => section.key), localHelpSection.key]
