import type { FormErrors } from '../forms/formErrors'
import type { Translate } from '../i18n/translator'
import { paths } from '../paths'
import { localHelpKey } from './localHelp'
import type { SettingField } from './queries'
import { formSections, type FieldKind, type SettingsSection } from './sections'
import type { LocalHelpContact, OrganisationSettings } from './settings'

const inputs: Record<
  Exclude<FieldKind, 'paragraphs' | 'choice'>,
  { type: string; classes: string; numeric?: true }
> = {
  text: { type: 'text', classes: '' },
  email: { type: 'email', classes: '' },
  phone: { type: 'tel', classes: 'govuk-input--width-20' },
  number: { type: 'text', classes: 'govuk-input--width-5', numeric: true },
}

/** What a stored setting looks like in its box: empty for nothing, numbers as digits. */
export function formValues(settings: OrganisationSettings, section: SettingsSection): Record<string, string> {
  return Object.fromEntries(
    section.fields.map(({ name }) => [name, settings[name] === null ? '' : String(settings[name])]),
  )
}

/** The boxes of a section's form, each with its words, what it holds now and any error. */
export function sectionFields(
  section: SettingsSection,
  form: { values: Record<string, string>; errors: FormErrors },
  t: Translate,
) {
  return section.fields.map(({ name, kind, options }) => ({
    id: name,
    name,
    multiline: kind === 'paragraphs',
    input: kind === 'paragraphs' || kind === 'choice' ? undefined : inputs[kind],
    choices: options?.map((value) => ({
      value,
      text: t(`settings.fields.${name}.options.${value}`),
      checked: form.values[name] === value,
    })),
    label: t(`settings.fields.${name}.label`),
    hint: t(`settings.fields.${name}.hint`),
    value: form.values[name] ?? '',
    errorMessage: form.errors.fields[name],
  }))
}

const withDefaults: Partial<Record<SettingField, string>> = {
  publicName: 'settings.overview.defaultPublicName',
  dataController: 'settings.overview.defaultController',
  lawfulBasis: 'settings.overview.defaultLawfulBasis',
}

function shown(settings: OrganisationSettings, name: SettingField, kind: FieldKind, t: Translate): string[] {
  const value = settings[name]
  if (value === null) return [t(withDefaults[name] ?? 'settings.overview.notSet', { name: settings.name })]
  if (kind === 'choice') return [t(`settings.fields.${name}.options.${String(value)}`)]
  if (typeof value === 'number')
    return [
      t(name === 'alertEscalationMinutes' ? 'settings.units.minutes' : 'settings.units.months', {
        count: value,
      }),
    ]
  return kind === 'paragraphs' ? value.split('\n').filter((line) => line !== '') : [value]
}

/** Each section as a summary list of what it holds now, with a link to change it. */
export function overviewSections(settings: OrganisationSettings, t: Translate) {
  const sections = formSections.map((section) => ({
    heading: t(`settings.sections.${section.key}.heading`),
    changeHref: paths.settings.section(section.slug),
    rows: section.fields.map(({ name, kind }) => ({
      key: { text: t(`settings.fields.${name}.label`) },
      value: { lines: shown(settings, name, kind, t) },
    })),
  }))
  const localHelp = {
    heading: t('settings.sections.localHelp.heading'),
    changeHref: paths.settings.section('local-help'),
    rows: [
      {
        key: { text: t('settings.localHelp.listed') },
        value: {
          lines:
            settings.localHelp.length === 0
              ? [t('settings.localHelp.none')]
              : settings.localHelp.map((entry) => entry.name),
        },
      },
    ],
  }
  return [sections[0], localHelp, ...sections.slice(1)].filter((section) => section !== undefined)
}

/** The public pages an admin can check after changing their settings. */
export function publicPageLinks(settings: OrganisationSettings, t: Translate) {
  const slug = settings.slug
  return [
    { text: t('privacy.footer.privacy'), href: paths.organisationPages.privacy(slug) },
    { text: t('privacy.footer.easyReadPrivacy'), href: paths.organisationPages.easyReadPrivacy(slug) },
    { text: t('privacy.footer.accessibility'), href: paths.organisationPages.accessibility(slug) },
    { text: t('privacy.footer.contact'), href: paths.organisationPages.contact(slug) },
  ]
}

/** Each local help contact as the admin sees it, with the key its remove button sends. */
export function localHelpEntries(entries: LocalHelpContact[], t: Translate) {
  return entries.map((entry) => ({
    key: localHelpKey(entry),
    name: entry.name,
    rows: (['phone', 'email', 'website', 'description'] as const)
      .filter((part) => entry[part] !== '')
      .map((part) => ({ key: { text: t(`settings.localHelp.${part}`) }, value: { lines: [entry[part]] } })),
  }))
}
