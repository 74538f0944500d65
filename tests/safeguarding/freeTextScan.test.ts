import type { SurveyDefinition } from '../../server/surveys/definitionSchema'
import { defaultPhrases } from '../../server/safeguarding/phrases/phraseDefaults'
import { foldText, isUsablePhrase, phrasePattern } from '../../server/safeguarding/phrases/phraseMatching'
import { scanFreeText } from '../../server/safeguarding/phrases/scanFreeText'
import { everyQuestionTypeDefinition } from '../fixtures/everyQuestionType'

const definition: Pick<SurveyDefinition, 'questions'> = {
  questions: [
    { id: 'better', type: 'free-text', maxLength: 1000, optional: true, aboutYou: false },
    { id: 'feel', type: 'faces', optional: false, aboutYou: false },
    { id: 'other', type: 'free-text', maxLength: 1000, optional: true, aboutYou: false },
  ],
}

const everyDefault = { en: defaultPhrases('en'), cy: defaultPhrases('cy'), ur: defaultPhrases('ur') }

const found = (text: string, phrases: readonly string[] = defaultPhrases('en')) =>
  scanFreeText(definition, { better: text }, { en: phrases }).flatMap((reason) => reason.phrases)

describe('scanFreeText', () => {
  it('returns the question, the words written and the phrases found, for each worrying answer', () => {
    const reasons = scanFreeText(
      definition,
      { better: 'My dad hits me when he is angry', feel: 'sad', other: 'I want to die' },
      everyDefault,
    )
    expect(reasons).toEqual([
      { questionId: 'better', text: 'My dad hits me when he is angry', phrases: ['hit* me'] },
      { questionId: 'other', text: 'I want to die', phrases: ['want to die'] },
    ])
  })

  it('finds nothing in ordinary answers, blank answers or chosen options', () => {
    const answers = { better: 'More clubs after school and a quieter lunch hall', feel: 'sad', other: null }
    expect(scanFreeText(definition, answers, everyDefault)).toEqual([])
    expect(scanFreeText(definition, {}, everyDefault)).toEqual([])
    // "sad" is an option value, not words a young person wrote: the question type says so.
    expect(scanFreeText(definition, { feel: 'sad' }, { en: ['sad'] })).toEqual([])
  })

  it('asks the question type which answers are written words', () => {
    const answers = Object.fromEntries(everyQuestionTypeDefinition.questions.map((q) => [q.id, 'not safe']))
    const reasons = scanFreeText(everyQuestionTypeDefinition, answers, { en: ['not safe'] })
    const textQuestions = everyQuestionTypeDefinition.questions.filter((q) => q.type === 'free-text')
    expect(reasons.map((reason) => reason.questionId)).toEqual(textQuestions.map((q) => q.id))
  })

  it('ignores case, apostrophe styles, missing apostrophes, hyphens and repeated spaces', () => {
    expect(found('I DON’T  FEEL\nSAFE')).toContain("don't feel safe")
    expect(found('i dont feel safe')).toContain("don't feel safe")
    expect(found('i don`t feel safe')).toContain("don't feel safe")
    expect(found('thinking about self-harm')).toContain('self harm*')
    expect(found('self   harming')).toContain('self harm*')
  })

  it('matches whole words only: "abuse" is not found in "disabused", "hit me" not in "a shit meal"', () => {
    expect(found('She was quickly disabused of the idea')).toEqual([])
    expect(found('the abuse stopped')).toEqual(['abus*'])
    expect(found('nobody abused me')).toEqual(['abus*'])
    expect(found('"Abuse."')).toEqual(['abus*'])
    expect(found('grapes and rapeseed')).toEqual([])
    expect(found('it is not safety related')).toEqual([])
    expect(found('a shit meal')).toEqual([])
    expect(found('I like to cut things out of paper myself')).toEqual([])
  })

  it('treats * as any ending of one word, and nothing else as special', () => {
    expect(found('he kicked me', ['kick* me'])).toEqual(['kick* me'])
    expect(found('he kick me', ['kick* me'])).toEqual(['kick* me'])
    expect(found('a kickboxing meet', ['kick* me'])).toEqual([])
    expect(found('a (bracket) [here]', ['(bracket)'])).toEqual(['(bracket)'])
    expect(found('axb', ['a.b'])).toEqual([])
  })

  it('finds Welsh phrases, with or without circumflexes, and English ones in a Welsh answer', () => {
    const welsh = { cy: defaultPhrases('cy'), en: defaultPhrases('en') }
    const scan = (text: string) => scanFreeText(definition, { better: text }, welsh)[0]?.phrases ?? []
    expect(scan('Dw i ddim yn ddiogel gartref')).toEqual(['ddim yn ddiogel'])
    expect(scan('Mae o’n cyffwrdd a fi')).toEqual(['cyffwrdd â fi'])
    expect(scan('Mae cam-drin yn digwydd')).toEqual(['cam-drin'])
    expect(scan('Dw i eisiau marw')).toEqual(['eisiau marw'])
    expect(scan('Mae fy nhad yn hits me')).toEqual(['hit* me'])
    expect(scan('Dw i’n hoffi nofio')).toEqual([])
  })

  it('finds Urdu phrases, whichever Arabic or Urdu letters and marks were typed', () => {
    const urdu = { ur: defaultPhrases('ur'), en: defaultPhrases('en') }
    const scan = (text: string) => scanFreeText(definition, { better: text }, urdu)[0]?.phrases ?? []
    expect(scan('وہ مجھے مارتا ہے')).toEqual(['مجھے مارت*'])
    expect(scan('میں گھر میں محفوظ نہیں ہوں')).toEqual(['محفوظ نہیں'])
    // Arabic yeh and kaf, and a zero-width non-joiner inside the word, as some keyboards give them.
    expect(scan('خود\u200Cکشي')).toEqual(['خودکشی'])
    expect(scan('مجھے اسکول پسند ہے')).toEqual([])
    expect(scan('I am not safe')).toEqual(['not safe'])
  })
})

describe('phrases', () => {
  it('fold the same way as answers', () => {
    expect(foldText('  Don’t – Feel   SAFE ')).toBe('dont feel safe')
    expect(foldText('cyffwrdd â fi')).toBe('cyffwrdd a fi')
    expect(phrasePattern("Don't feel safe").test(foldText('i dont feel safe'))).toBe(true)
  })

  it('must have letters and may end a word of two letters or more with *', () => {
    expect(isUsablePhrase('abus*')).toBe(true)
    expect(isUsablePhrase('ab*')).toBe(false)
    expect(isUsablePhrase('ڈر*')).toBe(false)
    expect(isUsablePhrase('سے ڈر*')).toBe(true)
    expect(isUsablePhrase('a*b')).toBe(false)
    expect(isUsablePhrase('*abuse')).toBe(false)
    expect(isUsablePhrase('12 34')).toBe(false)
  })

  it('ship for every language, each a real list checked by its schema', () => {
    expect(defaultPhrases('en').length).toBeGreaterThanOrEqual(40)
    expect(defaultPhrases('cy').length).toBeGreaterThanOrEqual(20)
    expect(defaultPhrases('ur').length).toBeGreaterThanOrEqual(20)
    for (const phrase of [
      'not safe',
      'hurt* me',
      'hit* me',
      'touch* me',
      'want to die',
      'kill* myself',
      'cut* myself',
      'scared to go home',
    ])
      expect(defaultPhrases('en')).toContain(phrase)
  })
})
