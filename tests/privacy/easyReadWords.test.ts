import { checkText } from '../../server/easyRead'
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
const filledIn = (text: string) => text.replace(/\{\{\s*organisation\s*\}\}/g, 'Northshire County Council')

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

  // The same easy-read checks as survey words: 15 words a sentence and, in English, no jargon.
  it('passes the easy-read checks in the easy-read notice, the help box and the start statement', () => {
    const problems = easyRead.flatMap(([key, text]) =>
      checkText(filledIn(text), { easyRead: true, language, field: key })
        .filter((problem) => problem.blocking)
        .map((problem) => `${key}: ${problem.sentence ?? problem.term ?? ''} (${problem.kind})`),
    )
    expect(problems).toEqual([])
  })
})
