import fs from 'node:fs'
import path from 'node:path'
import { languages } from '../../server/i18n/languages'
import {
  listInterfaceFiles,
  readInterfaceWords,
  readLocaleFile,
  type Translate,
} from '../../server/i18n/translator'
import { fromRoot } from '../../server/projectRoot'
import { optionLabeller } from '../../server/surveys/labels'
import { questionTypeFor } from '../../server/surveys/questionTypes/registry'
import type { QuestionType } from '../../server/surveys/questionTypes/contract'
import { listTemplateIds, loadTemplate } from '../../server/surveys/templates'

const english = 'en'
const otherLanguages = languages.map(({ code }) => code).filter((code) => code !== english)
const pluralSuffix = /^(.+)_(zero|one|two|few|many|other)$/

type Json = Record<string, unknown>

/** The words of one file: its strings, its lists and their lengths, and its plural keys by base. */
interface Words {
  strings: Map<string, string>
  lists: Map<string, number>
  notText: string[]
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readWords(
  value: unknown,
  words: Words = { strings: new Map(), lists: new Map(), notText: [] },
  at = '',
) {
  if (typeof value === 'string') words.strings.set(at, value)
  else if (Array.isArray(value)) {
    words.lists.set(at, value.length)
    value.forEach((item, index) => readWords(item, words, `${at}.${index}`))
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (at === '' && key === '_meta') continue
      readWords(item, words, at === '' ? key : `${at}.${key}`)
    }
  } else words.notText.push(at)
  return words
}

/** Plural forms grouped by their i18next base key: "pages.start.time" → { one, other }. */
function pluralsOf(words: Words): Map<string, Map<string, string>> {
  const plurals = new Map<string, Map<string, string>>()
  for (const [key, text] of words.strings) {
    const match = pluralSuffix.exec(key)
    if (!match?.[1] || !match[2] || !words.strings.has(`${match[1]}_other`)) continue
    const forms = plurals.get(match[1]) ?? new Map<string, string>()
    forms.set(match[2], text)
    plurals.set(match[1], forms)
  }
  return plurals
}

/** Strings that are not plural forms. */
function singularsOf(words: Words): Map<string, string> {
  const plurals = pluralsOf(words)
  return new Map(
    [...words.strings].filter(([key]) => {
      const base = pluralSuffix.exec(key)?.[1]
      return base === undefined || !plurals.has(base)
    }),
  )
}

const placeholdersIn = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/gu)].map((match) => match[1] ?? ''))].sort()

const neededCategories = (language: string): string[] => [
  ...new Intl.PluralRules(language).resolvedOptions().pluralCategories,
]

/** Plural keys missing a category the language needs. */
function missingPluralCategories(language: string, words: Words): string[] {
  const problems: string[] = []
  for (const [base, forms] of pluralsOf(words))
    for (const category of neededCategories(language))
      if (!forms.has(category)) problems.push(`${language}: ${base}_${category} is missing`)
  return problems
}

/** Everything that differs between the English words and another language's words for the same thing. */
function differences(language: string, englishValue: unknown, otherValue: unknown): string[] {
  const englishWords = readWords(englishValue)
  const otherWords = readWords(otherValue)
  const problems: string[] = []
  const missing = (key: string) => problems.push(`${language}: ${key} is missing`)
  const extra = (key: string) => problems.push(`${language}: ${key} is not in English`)

  const englishSingulars = singularsOf(englishWords)
  const otherSingulars = singularsOf(otherWords)
  for (const [key, text] of englishSingulars) {
    const other = otherSingulars.get(key)
    if (other === undefined) missing(key)
    else if (placeholdersIn(other).join() !== placeholdersIn(text).join())
      problems.push(
        `${language}: ${key} has placeholders {{${placeholdersIn(other).join('}} {{')}}}, English has {{${placeholdersIn(text).join('}} {{')}}}`,
      )
  }
  for (const key of otherSingulars.keys()) if (!englishSingulars.has(key)) extra(key)

  const englishPlurals = pluralsOf(englishWords)
  const otherPlurals = pluralsOf(otherWords)
  for (const [base, forms] of englishPlurals) {
    const otherForms = otherPlurals.get(base)
    if (!otherForms) {
      missing(`${base} (plural)`)
      continue
    }
    const wanted = placeholdersIn(forms.get('other') ?? '').join()
    for (const [category, text] of otherForms)
      if (placeholdersIn(text).join() !== wanted)
        problems.push(
          `${language}: ${base}_${category} has different placeholders from English ${base}_other`,
        )
  }
  for (const base of otherPlurals.keys()) if (!englishPlurals.has(base)) extra(`${base} (plural)`)

  for (const [key, length] of englishWords.lists) {
    const otherLength = otherWords.lists.get(key)
    if (otherLength !== undefined && otherLength !== length)
      problems.push(`${language}: ${key} has ${otherLength} items, English has ${length}`)
  }
  return problems
}

/** Strings that are empty or only spaces, and values that are not text at all. */
function emptyOrNotText(language: string, value: unknown): string[] {
  const words = readWords(value)
  return [
    ...[...words.strings]
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => `${language}: ${key} is empty`),
    ...words.notText.map((key) => `${language}: ${key} is not text`),
  ]
}

function reviewOf(file: Json): unknown {
  const meta = file._meta
  return isObject(meta) ? meta.review : undefined
}

describe('locales/*/ interface words (common.json and each capability file)', () => {
  const englishCommon = readInterfaceWords(english)

  it('every language has the same interface files', () => {
    for (const language of otherLanguages)
      expect(listInterfaceFiles(language)).toEqual(listInterfaceFiles(english))
  })

  it.each(listInterfaceFiles(english))('English %s.json is marked as reviewed', (file) => {
    expect(reviewOf(readLocaleFile(english, file))).toBe('reviewed')
  })

  it.each(languages.map(({ code }) => code))(
    '%s has every plural category the language needs',
    (language) => {
      expect(missingPluralCategories(language, readWords(readInterfaceWords(language)))).toEqual([])
    },
  )

  it.each(languages.map(({ code }) => code))('%s has no empty strings', (language) => {
    expect(emptyOrNotText(language, readInterfaceWords(language))).toEqual([])
  })

  it.each(otherLanguages)('%s has the same keys, lists and placeholders as English', (language) => {
    expect(differences(language, englishCommon, readInterfaceWords(language))).toEqual([])
  })
})

describe('locales/*/surveys.json', () => {
  const englishSurveys = readLocaleFile(english, 'surveys')
  const surveyIds = (file: Json) => Object.keys(file).filter((key) => key !== '_meta')

  it.each(otherLanguages)('%s has words for the same surveys as English', (language) => {
    expect(surveyIds(readLocaleFile(language, 'surveys')).sort()).toEqual(surveyIds(englishSurveys).sort())
  })

  it.each(languages.map(({ code }) => code))('%s has no empty strings', (language) => {
    expect(emptyOrNotText(language, readLocaleFile(language, 'surveys'))).toEqual([])
  })

  describe.each(surveyIds(englishSurveys))('survey %s', (surveyId) => {
    it.each(otherLanguages)('%s has the same keys, lists and placeholders as English', (language) => {
      const other = readLocaleFile(language, 'surveys')[surveyId]
      expect(other).toBeDefined()
      expect(differences(language, englishSurveys[surveyId], other)).toEqual([])
    })
  })
})

describe('review marks', () => {
  describe.each(otherLanguages)('%s', (language) => {
    it.each([...listInterfaceFiles(language), 'surveys'])(
      '%s.json says whether a native speaker has reviewed it',
      (file) => {
        const review = reviewOf(readLocaleFile(language, file))
        expect(typeof review).toBe('string')
        const text = String(review)
        expect(text === 'reviewed' || text.startsWith('needs review by a native')).toBe(true)
      },
    )
  })
})

/**
 * Keys the code builds at run time cannot be read from the source, so they are skipped by the scan
 * below. At the time of writing they are:
 *   server/middleware/errorHandler.ts  req.t(`pages.${page}.title`)     — checked below per error view
 *   server/respond/questionPage.ts     t(`errors.required.${control}`)  — checked below per control
 *   server/surveys/labels.ts           t(`answers.${value}`)            — checked below per template
 *   views/pages/accessibility.ejs      t("pictures." + picture.name)    — tests/surveys/templates.test.ts
 */
describe('keys the code uses', () => {
  const englishCommon = readWords(readInterfaceWords(english))
  const englishPlurals = pluralsOf(englishCommon)
  const exists = (key: string): boolean =>
    englishCommon.strings.has(key) || englishCommon.lists.has(key) || englishPlurals.has(key)

  function filesUnder(folder: string, extension: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) return filesUnder(full, extension)
      return entry.name.endsWith(extension) ? [full] : []
    })
  }

  /** Literal keys in t('…'), req.t("…") and t(`…`) calls; keys built with + or ${} are left out. */
  function literalKeysIn(source: string): string[] {
    const keys: string[] = []
    for (const call of source.matchAll(/(?<![\w$])t\(\s*(['"`])/gu)) {
      const quote = call[1] ?? ''
      const start = call.index + call[0].length
      const end = source.indexOf(quote, start)
      if (end < 0) continue
      const key = source.slice(start, end)
      const next = source
        .slice(end + 1)
        .trimStart()
        .charAt(0)
      const literal = (next === ')' || next === ',') && !(quote === '`' && key.includes('${'))
      if (literal) keys.push(key)
    }
    return keys
  }

  const sources = [...filesUnder(fromRoot('server'), '.ts'), ...filesUnder(fromRoot('views'), '.ejs')].map(
    (file) => ({ file: path.relative(fromRoot(), file), keys: literalKeysIn(fs.readFileSync(file, 'utf8')) }),
  )

  it('finds the calls it is looking for', () => {
    expect(sources.flatMap(({ keys }) => keys)).toContain('buttons.start')
  })

  it('every literal key in server/ and views/ is in English common.json', () => {
    const unknown = sources.flatMap(({ file, keys }) =>
      keys.filter((key) => !exists(key)).map((key) => `${file}: ${key}`),
    )
    expect(unknown).toEqual([])
  })

  it('every error page has a title', () => {
    const pages = fs
      .readdirSync(fromRoot('views', 'errors'))
      .filter((name) => name.endsWith('.ejs'))
      .map((name) => name.replace(/\.ejs$/, ''))
    expect(pages.map((page) => `pages.${page}.title`).filter((key) => !exists(key))).toEqual([])
  })

  it('every kind of answer control has a "required" error', () => {
    const controls: QuestionType['control'][] = ['radios', 'checkboxes', 'textarea']
    expect(controls.map((control) => `errors.required.${control}`).filter((key) => !exists(key))).toEqual([])
  })

  it.each(listTemplateIds())(
    'every shared answer template %s shows is in English common.json',
    (templateId) => {
      const { definition, words } = loadTemplate(templateId)
      const asked: string[] = []
      const recordKey = ((key: string) => {
        asked.push(key)
        return key
      }) as unknown as Translate
      for (const question of definition.questions) {
        const label = optionLabeller(question, words.en?.questions[question.id], recordKey)
        for (const value of questionTypeFor(question).values(question)) label(value)
      }
      expect(asked.filter((key) => !exists(key))).toEqual([])
    },
  )
})

describe('the parity checks themselves', () => {
  const englishLike = {
    _meta: { review: 'reviewed' },
    a: { b: 'Hello {{name}}', list: ['one', 'two'] },
    time_one: '{{count}} minute',
    time_other: '{{count}} minutes',
  }

  it('accepts the same words in another language, with the plural forms that language needs', () => {
    const welsh = {
      _meta: { review: 'needs review by a native Welsh speaker' },
      a: { b: 'Helo {{name}}', list: ['un', 'dau'] },
      ...Object.fromEntries(
        neededCategories('cy').map((category) => [`time_${category}`, '{{count}} munud']),
      ),
    }
    expect(differences('cy', englishLike, welsh)).toEqual([])
    expect(missingPluralCategories('cy', readWords(welsh))).toEqual([])
  })

  it('catches missing and extra keys, a short list, changed placeholders and missing plural forms', () => {
    const wrong = {
      a: { b: 'Helo {{enw}}', list: ['un'], extra: 'ychwanegol' },
      time_one: '{{count}} munud',
      time_other: '{{count}} munud',
    }
    expect(differences('cy', englishLike, wrong)).toEqual([
      'cy: a.b has placeholders {{enw}}, English has {{name}}',
      'cy: a.list.1 is missing',
      'cy: a.extra is not in English',
      'cy: a.list has 1 items, English has 2',
    ])
    expect(missingPluralCategories('cy', readWords(wrong)).sort()).toEqual(
      [
        'cy: time_zero is missing',
        'cy: time_two is missing',
        'cy: time_few is missing',
        'cy: time_many is missing',
      ].sort(),
    )
    expect(emptyOrNotText('cy', { a: ' ', b: 3 })).toEqual(['cy: a is empty', 'cy: b is not text'])
  })
})
