import { languages } from '../../server/i18n/languages'
import { readLocaleFile } from '../../server/i18n/translator'

/** Every string under a key, however deep. */
function stringsIn(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${at}.${index}`))
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${at}.${key}`))
  return []
}

// An organisation's name can be long: count it as three words.
const wordsIn = (sentence: string) =>
  sentence
    .replace(/\{\{\s*organisation\s*\}\}/g, 'Northshire County Council')
    .split(/\s+/)
    .filter(Boolean).length

const sentencesIn = (text: string) =>
  text.split(/(?<=[.!?۔:])\s+/).filter((sentence) => sentence.trim() !== '')

describe.each(languages.map(({ code }) => code))('easy-read words in %s', (language) => {
  const privacy = readLocaleFile(language, 'privacy').privacy as Record<string, unknown>
  const easyRead = [
    ...stringsIn(privacy.easyRead, 'easyRead').filter(([key]) => !key.endsWith('.title')),
    ...stringsIn((privacy.start as Record<string, unknown>).easyRead, 'start.easyRead'),
    ...stringsIn(privacy.helpNow, 'helpNow'),
  ]

  it('has the words to check', () => {
    expect(easyRead.length).toBeGreaterThan(30)
  })

  it('keeps every sentence of the easy-read notice, the help box and the start statement to 15 words or fewer', () => {
    const long = easyRead.flatMap(([key, text]) =>
      sentencesIn(text)
        .filter((sentence) => wordsIn(sentence) > 15)
        .map((sentence) => `${key}: ${sentence}`),
    )
    expect(long).toEqual([])
  })
})
