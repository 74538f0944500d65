import { checkSurveyWords, surveyTextInOrder } from '../../server/easyRead'
import { languages } from '../../server/i18n/languages'
import { surveyDefinitionSchema, type SurveyDefinition } from '../../server/surveys/definitionSchema'
import { listTemplateIds, loadTemplate } from '../../server/surveys/templates'
import { surveyWordsSchema, type SurveyWords } from '../../server/surveys/words'

/** Short forms people meet in SEND services. Each must be spelt out the first time a survey uses it. */
const acronyms = [
  'EHCP',
  'EHC',
  'SEN',
  'SEND',
  'SENCO',
  'SENDCO',
  'LA',
  'CYP',
  'CAMHS',
  'SALT',
  'OT',
  'PfA',
  'SENDIASS',
  'ALN',
  'IDP',
  'ICB',
  'CAIG',
] as const
type Acronym = (typeof acronyms)[number]

/** What each short form stands for in English, compared without regard to case. */
const englishFullForms: Record<Acronym, readonly string[]> = {
  EHCP: ['Education, Health and Care Plan'],
  EHC: ['Education, Health and Care'],
  SEN: ['Special educational needs'],
  SEND: ['Special educational needs and disabilities', 'Special educational needs and/or disabilities'],
  SENCO: ['Special educational needs co-ordinator', 'Special educational needs coordinator'],
  SENDCO: [
    'Special educational needs and disabilities co-ordinator',
    'Special educational needs and disabilities coordinator',
  ],
  LA: ['Local authority'],
  CYP: ['Children and young people'],
  CAMHS: ['Child and Adolescent Mental Health Services', 'Child and Adolescent Mental Health Service'],
  SALT: ['Speech and language therapy', 'Speech and language therapist'],
  OT: ['Occupational therapy', 'Occupational therapist'],
  PfA: ['Preparing for Adulthood'],
  SENDIASS: [
    'Special Educational Needs and Disabilities Information, Advice and Support Service',
    'Special Educational Needs and Disabilities Information, Advice and Support Services',
  ],
  ALN: ['Additional learning needs'],
  IDP: ['Individual development plan'],
  ICB: ['Integrated care board'],
  // The Welsh short form for an EHCP; English words say EHCP instead.
  CAIG: [],
}

/** Matches the short form as a word of its own, so SEN is not found in SEND or LA in LATER. */
const asWord = (acronym: Acronym): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'u')

const normalised = (text: string): string => text.toLowerCase().replace(/\s+/gu, ' ').trim()

/** Why the first use of a short form, at `index` in `text`, is not explained; undefined if it is. */
function explanationProblem(
  text: string,
  index: number,
  acronym: Acronym,
  language: string,
): string | undefined {
  const before = text.slice(0, index)
  const after = text.slice(index + acronym.length)
  const close = after.indexOf(')')
  if (!before.endsWith(' (') || close < 0 || after.slice(0, close).includes('('))
    return 'it must be in brackets straight after its full form, as in "Education, Health and Care Plan (EHCP)"'
  const lead = before.slice(0, -' ('.length)
  if (lead.trim() === '') return 'nothing comes before the brackets, so the full form is missing'
  if (language !== 'en') return undefined
  const rest = after.slice(0, close).trim() // "Support" in "(SEN Support)"
  const expected = englishFullForms[acronym].map((full) => (rest ? `${full} ${rest}` : full))
  const leadText = normalised(lead)
  const explained = expected.some((full) => {
    const wanted = normalised(full)
    const start = leadText.length - wanted.length
    return leadText.endsWith(wanted) && (start === 0 || !/[\p{L}\p{N}]/u.test(leadText.charAt(start - 1)))
  })
  if (explained) return undefined
  if (expected.length === 0) return `${acronym} is not used in English words`
  return `the full form before it should be ${expected.map((full) => `"${full} (${acronym}${rest ? ` ${rest}` : ''})"`).join(' or ')}`
}

/** Short forms whose first use, reading the texts in order, is not in brackets after its full form. */
function unexplainedJargon(texts: readonly string[], language: string): string[] {
  const problems: string[] = []
  for (const acronym of acronyms) {
    for (const text of texts) {
      const match = asWord(acronym).exec(text)
      if (!match) continue
      const problem = explanationProblem(text, match.index, acronym, language)
      if (problem) problems.push(`${acronym} is first used in "${text}" but ${problem}`)
      break
    }
  }
  return problems
}

/** Pictures whose alternative text is not settled in this language. */
function pictureProblems(definition: SurveyDefinition, words: SurveyWords): string[] {
  const problems: string[] = []
  for (const question of definition.questions) {
    if (!question.picture) continue
    const pictureAlt = words.questions[question.id]?.pictureAlt
    if (question.picture.alt === 'described' && !pictureAlt?.trim())
      problems.push(`${question.id}: the picture is "described" but has no pictureAlt`)
    if (question.picture.alt === 'decorative' && pictureAlt !== undefined)
      problems.push(`${question.id}: the picture is "decorative" (shown with alt="") but has a pictureAlt`)
  }
  return problems
}

/** Texts in reading order, as a person meets them. */
const textsOf = (definition: SurveyDefinition, words: SurveyWords): string[] =>
  surveyTextInOrder(definition, words).map(({ text }) => text)

describe('the words of every survey', () => {
  describe.each(listTemplateIds())('survey %s', (templateId) => {
    const { definition, words } = loadTemplate(templateId)
    // The same easy-read checks the words editor, the builder and opening a survey run.
    const problems = checkSurveyWords(definition, words)

    describe.each(languages.map(({ code }) => code))('in %s', (language) => {
      const languageWords = words[language]
      const texts = languageWords ? textsOf(definition, languageWords) : []
      const found = problems.filter((problem) => problem.language === language)

      it('has words in this language', () => {
        expect(languageWords).toBeDefined()
        expect(texts.length).toBeGreaterThan(0)
      })

      it(`passes the easy-read checks: no missing words, no long sentences${definition.easyRead ? ', no jargon' : ''}`, () => {
        expect(found.filter(({ kind }) => kind !== 'reading-grade')).toEqual([])
      })

      it('reads at the easy-read grade, where that applies', () => {
        expect(found.filter(({ kind }) => kind === 'reading-grade')).toEqual([])
      })

      it('spells out every short form the first time it is used', () => {
        expect(unexplainedJargon(texts, language)).toEqual([])
      })

      it('decides the alternative text of every picture', () => {
        if (!languageWords) throw new Error(`no ${language} words`)
        expect(pictureProblems(definition, languageWords)).toEqual([])
      })
    })
  })
})

describe('the word checks themselves', () => {
  const definition = surveyDefinitionSchema.parse({
    id: 'checker-test',
    audience: 'young-person',
    easyRead: true,
    estimatedMinutes: 1,
    questions: [{ id: 'plan', type: 'yes-no-not-sure' }],
  })
  const wordsWith = (title: string, hint?: string): SurveyWords =>
    surveyWordsSchema.parse({
      title: 'A test survey',
      start: { purpose: ['This is a test.'], answers: ['Nobody reads these answers.'] },
      questions: { plan: hint ? { title, hint } : { title } },
    })
  it('catches an unexplained EHCP', () => {
    const texts = textsOf(definition, wordsWith('Do you have an EHCP?'))
    expect(unexplainedJargon(texts, 'en')).toEqual([
      expect.stringContaining('EHCP is first used in "Do you have an EHCP?"') as unknown,
    ])
  })

  it('only looks at the first use, which must follow the full form', () => {
    const explained = textsOf(
      definition,
      wordsWith('Do you have an Education, Health and Care Plan (EHCP)?', 'An EHCP is a plan.'),
    )
    expect(unexplainedJargon(explained, 'en')).toEqual([])
    const explainedLate = textsOf(
      definition,
      wordsWith('Do you have an EHCP?', 'An Education, Health and Care Plan (EHCP) is a plan.'),
    )
    expect(unexplainedJargon(explainedLate, 'en')).toHaveLength(1)
  })

  it('knows the right English full form, in any case', () => {
    expect(unexplainedJargon(['An Extra Help and Care Plan (EHCP)'], 'en')).toHaveLength(1)
    expect(unexplainedJargon(['Special Educational Needs (SEN)'], 'en')).toEqual([])
    expect(unexplainedJargon(['Special educational needs support (SEN Support)'], 'en')).toEqual([])
    expect(unexplainedJargon(['Extra help (SEN Support)'], 'en')).toHaveLength(1)
    expect(unexplainedJargon(['(EHCP) comes first'], 'cy')).toHaveLength(1)
    expect(unexplainedJargon(['Cynllun Addysg, Iechyd a Gofal (CAIG)'], 'cy')).toEqual([])
  })

  it('tells SEN from SEND and ignores letters inside ordinary words', () => {
    expect(unexplainedJargon(['Special educational needs and disabilities (SEND)'], 'en')).toEqual([])
    expect(unexplainedJargon(['LATER, SALTY, PLOT and SENT are ordinary words.'], 'en')).toEqual([])
    expect(unexplainedJargon(['Ask your SENCO.'], 'en')).toHaveLength(1)
  })
})
