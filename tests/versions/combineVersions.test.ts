import { createTranslator, type Translate } from '../../server/i18n/translator'
import type { LanguageCode } from '../../server/i18n/languages'
import { combineVersions } from '../../server/surveyVersions/combineVersions'
import { combinedWordsFor } from '../../server/surveyVersions/combinedWords'
import { formatVersionList } from '../../server/surveyVersions/versionList'
import { versionNotes } from '../../server/surveyVersions/versionNotes'
import { findWordChanges } from '../../server/surveyVersions/wordChanges'
import { firstVersion, secondVersion } from './versionedSurvey'

const versions = [
  { version: 2, ...secondVersion },
  { version: 1, ...firstVersion },
]
const combined = combineVersions(versions)

let translatorFor: (language: LanguageCode) => Translate
beforeAll(async () => {
  translatorFor = await createTranslator()
})

const notesIn = (language: LanguageCode) => versionNotes(combined, { t: translatorFor(language), language })

describe('combineVersions', () => {
  it('keeps every question any version asked, in the newest order, a dropped one where it was', () => {
    expect(combined.definition.questions.map((question) => question.id)).toEqual([
      'listened',
      'club',
      'transport',
      'home',
      'helped',
      'helped-how',
      'comments',
    ])
    expect(combined.versions.map((version) => version.version)).toEqual([1, 2])
  })

  it('offers every answer any version offered: the newest first, then those since dropped', () => {
    const transport = combined.definition.questions.find((question) => question.id === 'transport')
    expect(transport).toMatchObject({ options: ['bus', 'walk', 'train', 'car'] })
    expect(Object.fromEntries(combined.history.get('transport')?.values ?? [])).toEqual({
      bus: [1, 2],
      car: [1],
      walk: [1, 2],
      train: [2],
    })
  })

  it('records which versions asked each question', () => {
    expect(combined.history.get('home')?.versions).toEqual([1])
    expect(combined.history.get('club')?.versions).toEqual([2])
    expect(combined.history.get('listened')?.versions).toEqual([1, 2])
  })

  it('gives each question and answer its newest words, and words for those no longer asked', () => {
    const english = combinedWordsFor(combined, 'en')
    expect(english.questions.listened?.title).toBe('People listened to me.')
    expect(english.questions.home?.title).toBe('How do you feel about home?')
    expect(english.questions.transport?.options).toEqual({
      bus: 'Bus',
      car: 'Car',
      walk: 'On foot',
      train: 'Train',
    })
    expect(combinedWordsFor(combined, 'cy').questions.transport?.options?.walk).toBe('Ar droed')
  })
})

describe('findWordChanges', () => {
  it('finds changed English titles and answer labels, not answers added or dropped', () => {
    expect(findWordChanges(combined.versions, 'listened')).toEqual([{ version: 2, before: 1 }])
    expect(findWordChanges(combined.versions, 'transport')).toEqual([
      { version: 2, before: 1, value: 'walk' },
    ])
    expect(findWordChanges(combined.versions, 'helped')).toEqual([])
  })
})

describe('versionNotes', () => {
  it('says in English where words changed and what was asked only in some versions', () => {
    const notes = notesIn('en')
    expect(notes.get('listened')).toEqual(['Words changed in version 2: was “I felt listened to.”'])
    expect(notes.get('home')).toEqual(['Only in version 1'])
    expect(notes.get('club')).toEqual(['Only in version 2'])
    expect(notes.get('transport')).toEqual([
      'Answer “On foot” changed in version 2: was “Walk”',
      'Answer “Car” only in version 1',
      'Answer “Train” only in version 2',
    ])
    expect(notes.get('helped')).toEqual([])
  })

  it('says it in Welsh and Urdu, quoting the words of that language', () => {
    expect(notesIn('cy').get('listened')).toEqual([
      'Newidiodd y geiriau yn fersiwn 2: roedd yn “Roeddwn i’n teimlo bod rhywun yn gwrando.”',
    ])
    expect(notesIn('cy').get('home')).toEqual(['Dim ond yn fersiwn 1'])
    expect(notesIn('ur').get('transport')).toContain('ورژن 2 میں جواب “پیدل چل کر” بدلا گیا: پہلے “پیدل” تھا')
    expect(notesIn('ur').get('club')).toEqual(['صرف ورژن 2 میں'])
  })
})

describe('formatVersionList', () => {
  it('joins runs with a dash and lists the rest in the language', () => {
    expect(formatVersionList([1, 2, 3, 5], 'en')).toBe('1–3 and 5')
    expect(formatVersionList([2], 'en')).toBe('2')
    expect(formatVersionList([1, 2], 'en')).toBe('1–2')
    expect(formatVersionList([1, 3, 4, 6], 'en')).toBe('1, 3–4, and 6')
  })
})
