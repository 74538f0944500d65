import { surveyDefinitionSchema } from '../../server/surveys/definitionSchema'
import { numberType, readWholeNumber } from '../../server/surveys/questionTypes/numberType'

const [ranged, open] = surveyDefinitionSchema.parse({
  id: 'numbers',
  audience: 'parent-carer',
  easyRead: false,
  estimatedMinutes: 1,
  questions: [
    { id: 'ranged', type: 'number', min: 0, max: 30, dontKnow: true, preferNotToSay: true },
    { id: 'open', type: 'number', optional: true },
  ],
}).questions
if (!ranged || !open) throw new Error('The fixture lost its questions')

describe('number questions', () => {
  it('read whole numbers as people type them, and store them as plain decimal text', () => {
    expect(numberType.parse(' 12 ', ranged)).toEqual({ ok: true, value: '12' })
    expect(numberType.parse('007', ranged)).toEqual({ ok: true, value: '7' })
    expect(numberType.parse('-0', ranged)).toEqual({ ok: true, value: '0' })
    expect(numberType.parse('1,000,000', open)).toEqual({ ok: true, value: '1000000' })
    expect(numberType.parse('−4', open)).toEqual({ ok: true, value: '-4' })
    expect(numberType.parse('۱۲', ranged)).toEqual({ ok: true, value: '12' })
    expect(numberType.parse('١٢', ranged)).toEqual({ ok: true, value: '12' })
    expect(readWholeNumber('12 000')).toBe(12000)
  })

  it('refuse what is not a whole number, and numbers outside the range', () => {
    for (const typed of ['12.5', 'twelve', '1e3', '0x10', '--1', '12abc', '9'.repeat(13)])
      expect(numberType.parse(typed, ranged)).toEqual({ ok: false, error: 'notWhole' })
    expect(numberType.parse('31', ranged)).toEqual({ ok: false, error: 'outOfRange' })
    expect(numberType.parse('-1', ranged)).toEqual({ ok: false, error: 'outOfRange' })
    expect(numberType.parse('1000000001', open)).toEqual({ ok: false, error: 'outOfRange' })
    expect(numberType.parse('30', ranged)).toEqual({ ok: true, value: '30' })
  })

  it('take "I don\'t know" or "prefer not to say" alone, only where offered', () => {
    expect(numberType.parse(['', 'dont-know'], ranged)).toEqual({ ok: true, value: 'dont-know' })
    expect(numberType.parse(['', 'prefer-not-to-say'], ranged)).toEqual({
      ok: true,
      value: 'prefer-not-to-say',
    })
    expect(numberType.parse(['4', 'dont-know'], ranged)).toEqual({ ok: false, error: 'exclusive' })
    expect(numberType.parse(['', 'dont-know', 'prefer-not-to-say'], ranged)).toEqual({
      ok: false,
      error: 'exclusive',
    })
    expect(numberType.parse(['', 'dont-know'], open)).toEqual({ ok: false, error: 'invalid' })
    expect(numberType.parse(['1', '2'], ranged)).toEqual({ ok: false, error: 'invalid' })
  })

  it('are blank when optional and left empty, and required otherwise', () => {
    expect(numberType.parse('', open)).toEqual({ ok: true, value: null })
    expect(numberType.parse([''], ranged)).toEqual({ ok: false, error: 'required' })
  })

  it('show numbers as typed and the choices in words, and count as fixed values none', () => {
    const label = (value: string) => `label:${value}`
    expect(numberType.display('12', label)).toEqual(['12'])
    expect(numberType.display('dont-know', label)).toEqual(['label:dont-know'])
    expect(numberType.csvValue('-3', label)).toBe('-3')
    expect(numberType.values(ranged)).toEqual([])
    expect(numberType.notCounted(ranged)).toEqual(['dont-know', 'prefer-not-to-say'])
    expect(numberType.notCounted(open)).toEqual([])
    expect(numberType.writtenText('12')).toBeUndefined()
  })
})
