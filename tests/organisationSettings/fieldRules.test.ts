import { z } from 'zod'
import { isCleanText, isHttpsUrl, isUkPhone } from '../../server/organisationSettings/fieldRules'
import { localHelpKey, localHelpSchema, withoutEntry } from '../../server/organisationSettings/localHelp'
import { formSections } from '../../server/organisationSettings/sections'

const sectionSchema = (slug: string) => {
  const section = formSections.find((each) => each.slug === slug)
  if (!section) throw new Error(`No section ${slug}`)
  return z.object(Object.fromEntries(section.fields.map((field) => [field.name, field.rule])))
}

const messagesFor = (schema: z.ZodType, values: Record<string, string>) => {
  const parsed = schema.safeParse(values)
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

const organisation = { publicName: '', contactEmail: '', contactPhone: '', familyHelpContact: '' }

describe('the rules behind the settings forms', () => {
  it.each([
    ['a NUL byte', 'North\u0000shire'],
    ['a bell', 'North\u0007shire'],
    ['the replacement character that broken UTF-8 becomes', 'North\uFFFDshire'],
    ['half a surrogate pair', 'North\uD800shire'],
  ])('refuses %s in its own words, even without the global guard in front', (_name, text) => {
    expect(isCleanText(text)).toBe(false)
    expect(messagesFor(sectionSchema('organisation'), { ...organisation, publicName: text })).toEqual([
      'publicName: settings.errors.publicName.characters',
    ])
  })

  it('keeps Welsh, Urdu, emoji, tabs and line breaks', () => {
    expect(isCleanText('Cyngor Sir Ynys Môn – ŵ ŷ\tاردو 🙂\r\nline two')).toBe(true)
  })

  it('folds spaces in a single-line box and keeps paragraphs in a text area', () => {
    const parsed = sectionSchema('organisation').parse({
      ...organisation,
      publicName: '  Northshire   County\tCouncil ',
      familyHelpContact: ' Ring us \r\n\r\n\r\n\r\n on 01632 960 001 ',
    })
    expect(parsed).toEqual({
      publicName: 'Northshire County Council',
      contactEmail: null,
      contactPhone: null,
      familyHelpContact: 'Ring us\n\non 01632 960 001',
    })
  })

  it.each(['01632 960 001', '0800 1111', '+44 1632 960001', '+44 (0)1632 960 001', '116 123', '999', '111'])(
    '%s is a UK phone number',
    (number) => {
      expect(isUkPhone(number)).toBe(true)
    },
  )

  it.each(['12345', '+33 1 23 45 67 89', '01632 CALL', '0163296000100', '+440163296000', ''])(
    '%s is not a UK phone number',
    (number) => {
      expect(isUkPhone(number)).toBe(false)
    },
  )

  it('takes only https websites with a real host and no password in them', () => {
    expect(isHttpsUrl('https://www.northshire.example/send')).toBe(true)
    expect(isHttpsUrl('http://www.northshire.example')).toBe(false)
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false)
    expect(isHttpsUrl('https://localhost')).toBe(false)
    expect(isHttpsUrl('https://user:secret@northshire.example')).toBe(false)
    expect(isHttpsUrl('www.northshire.example')).toBe(false)
  })

  it('a local help contact needs a name and at least one way to reach it', () => {
    const blank = { helpName: '', helpPhone: '', helpEmail: '', helpWebsite: '', helpDescription: '' }
    expect(messagesFor(localHelpSchema, blank)).toEqual([
      'helpName: settings.errors.helpName.required',
      'helpPhone: settings.errors.helpPhone.oneWay',
    ])
    expect(messagesFor(localHelpSchema, { ...blank, helpName: 'SENDIASS' })).toEqual([
      'helpPhone: settings.errors.helpPhone.oneWay',
    ])
    expect(
      localHelpSchema.parse({ ...blank, helpName: 'SENDIASS', helpWebsite: 'https://sendiass.example' }),
    ).toEqual({
      name: 'SENDIASS',
      phone: '',
      email: '',
      website: 'https://sendiass.example',
      description: '',
    })
  })

  it('removes a local help contact by what it says, so a changed list cannot lose the wrong one', () => {
    const first = { name: 'A', phone: '0800 1111', email: '', website: '', description: '' }
    const second = { ...first, name: 'B' }
    expect(withoutEntry([first, second], localHelpKey(second))).toEqual([first])
    expect(withoutEntry([first], localHelpKey(second))).toBeUndefined()
    expect(localHelpKey(first)).toMatch(/^[0-9a-f]{16}$/)
  })
})
