import { checkText, findJargon, jargonTerms, sentencesOf, wordsOf } from '../../server/easyRead'

const fifteenWords = 'This sentence has just enough words in it for a young person to read.'
const sixteenWords = 'This sentence has far too many words in it for a young person to read easily.'
const words = (count: number) => Array.from({ length: count }, () => 'Word').join(' ')

describe('splitting into sentences and words', () => {
  it('splits on full stops, exclamation and question marks, and new lines', () => {
    expect(sentencesOf('One. Two! Three? Four\nFive')).toEqual(['One', 'Two', 'Three', 'Four', 'Five'])
  })

  it('splits on the Urdu full stop and question mark', () => {
    expect(sentencesOf('یہ پہلا جملہ ہے۔ کیا یہ دوسرا ہے؟\nتیسرا')).toEqual([
      'یہ پہلا جملہ ہے',
      'کیا یہ دوسرا ہے',
      'تیسرا',
    ])
  })

  it('keeps a decimal number in one sentence', () => {
    expect(sentencesOf('It costs 2.50 a day. That is all.')).toEqual(['It costs 2.50 a day', 'That is all'])
  })

  it('counts words by white space, leaving out lone marks', () => {
    expect(wordsOf('Yes  –  a parent\tor carer')).toEqual(['Yes', 'a', 'parent', 'or', 'carer'])
  })
})

describe('sentence length', () => {
  it('blocks a 16-word sentence in easy read and lets 15 words through', () => {
    expect(checkText(fifteenWords, { easyRead: true, language: 'en' })).toEqual([])
    expect(checkText(sixteenWords, { easyRead: true, language: 'en', field: 'title' })).toEqual([
      {
        language: 'en',
        field: 'title',
        kind: 'sentence-too-long',
        blocking: true,
        sentence: sixteenWords.slice(0, -1),
        words: 16,
        limit: 15,
      },
    ])
  })

  it('allows 25 words in other surveys, and only warns about 26', () => {
    expect(checkText(`${words(25)}.`, { easyRead: false, language: 'en' })).toEqual([])
    const [problem, ...rest] = checkText(`${words(26)}.`, { easyRead: false, language: 'en' })
    expect(rest).toEqual([])
    expect(problem).toMatchObject({ kind: 'sentence-too-long', blocking: false, words: 26, limit: 25 })
  })

  it('applies to every language, counting Urdu sentences by their own marks', () => {
    const urdu = `${Array.from({ length: 16 }, () => 'لفظ').join(' ')}۔ ${Array.from({ length: 15 }, () => 'لفظ').join(' ')}؟`
    const problems = checkText(urdu, { easyRead: true, language: 'ur' })
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'sentence-too-long', language: 'ur', words: 16 }),
    ])
    expect(checkText(`${words(16)}.`, { easyRead: true, language: 'cy' })).toEqual([
      expect.objectContaining({ kind: 'sentence-too-long', blocking: true, language: 'cy' }),
    ])
  })

  it('counts each line of a box as a sentence of its own', () => {
    expect(checkText(`${words(10)}\n${words(10)}`, { easyRead: true, language: 'en' })).toEqual([])
  })
})

describe('jargon', () => {
  it('has at least 30 terms, each with something to say instead', () => {
    expect(jargonTerms.length).toBeGreaterThanOrEqual(30)
    for (const entry of jargonTerms) expect(entry.instead.trim()).not.toBe('')
  })

  it('blocks jargon in easy read, with the words to use instead', () => {
    expect(
      checkText('Your EHCP says what provision you get.', { easyRead: true, language: 'en', field: 'q' }),
    ).toEqual([
      { language: 'en', field: 'q', kind: 'jargon', blocking: true, term: 'EHCP', instead: 'your plan' },
      { language: 'en', field: 'q', kind: 'jargon', blocking: true, term: 'provision', instead: 'help' },
    ])
  })

  it('matches whole words in any case, and plurals', () => {
    expect(findJargon('An ASSESSMENT, two Assessments.')).toEqual([
      { term: 'ASSESSMENT', instead: 'check' },
      { term: 'Assessments', instead: 'check' },
    ])
    expect(findJargon('We will facilitate it with every stakeholder.').map(({ term }) => term)).toEqual([
      'facilitate',
      'stakeholder',
    ])
    expect(findJargon('Reassessment and provisional plans')).toEqual([])
  })

  it('reports a phrase once, not also the shorter word inside it', () => {
    expect(findJargon('Your EHC needs assessment is next week.')).toEqual([
      { term: 'EHC needs assessment', instead: 'a check of the help you need' },
    ])
  })

  it('tells the short form SEND from the everyday word send', () => {
    expect(findJargon('We will send you a letter.')).toEqual([])
    expect(findJargon('Do you get SEND support?')).toEqual([
      { term: 'SEND', instead: 'extra help with learning or disability' },
    ])
  })

  it('is not checked in other surveys or in other languages, where the list does not apply', () => {
    expect(checkText('Your EHCP.', { easyRead: false, language: 'en' })).toEqual([])
    expect(checkText('Eich EHCP.', { easyRead: true, language: 'cy' })).toEqual([])
  })
})

describe('reading grade', () => {
  const hard =
    'Professionals coordinate comprehensive multidisciplinary arrangements, considering individual circumstances, educational opportunities and organisational responsibilities throughout.'
  const easy = 'I like my school. My friends are kind. I feel safe. I can ask for help when I need it.'

  it('warns, never blocks, when easy-read English reads above grade 3', () => {
    const problems = checkText(`${hard} ${hard}`, { easyRead: true, language: 'en', field: 'hint' })
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'reading-grade', blocking: false, limit: 3, field: 'hint' }),
    ])
    expect(problems[0]?.grade).toBeGreaterThan(3)
  })

  it('says nothing of plain words, of short boxes, or of surveys that are not easy read', () => {
    expect(checkText(easy, { easyRead: true, language: 'en' })).toEqual([])
    expect(checkText('Yes, someone else', { easyRead: true, language: 'en' })).toEqual([])
    expect(checkText(hard, { easyRead: false, language: 'en' })).toEqual([])
  })
})
