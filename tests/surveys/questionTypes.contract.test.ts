import type { QuestionDefinition } from '../../server/surveys/definitionSchema'
import { questionTypeFor, questionTypeNames } from '../../server/surveys/questionTypes/registry'
import { everyQuestionTypeAnswers, everyQuestionTypeDefinition } from '../fixtures/everyQuestionType'

const label = (value: string) => `label:${value}`

/** One shared contract, run over every registered question type. */
describe.each(questionTypeNames)('question type %s', (typeName) => {
  const question = everyQuestionTypeDefinition.questions.find((each) => each.type === typeName)
  if (!question) throw new Error(`The fixture survey has no ${typeName} question`)
  const type = questionTypeFor(question)
  const valid = everyQuestionTypeAnswers[question.id]
  const asOptional: QuestionDefinition = { ...question, optional: true }
  const asRequired: QuestionDefinition = { ...question, optional: false }

  it('is the type the registry was asked for', () => {
    expect(type.name).toBe(typeName)
  })

  it('accepts a valid answer and stores a value it then counts as answered', () => {
    const parsed = type.parse(valid, question)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(type.isAnswered(parsed.value)).toBe(true)
    expect(type.display(parsed.value, label).length).toBeGreaterThan(0)
    expect(type.csvValue(parsed.value, label)).not.toBe('')
    expect(type.formValue(parsed.value)).toEqual(Array.isArray(valid) ? valid : [valid])
  })

  it('gives back the words a respondent wrote, and nothing for chosen options or a blank', () => {
    const parsed = type.parse(valid, question)
    if (!parsed.ok) throw new Error('A valid answer was refused')
    expect(type.writtenText(parsed.value)).toBe(type.control === 'textarea' ? parsed.value : undefined)
    expect(type.writtenText(null)).toBeUndefined()
  })

  it('refuses a blank answer when required and stores null when optional', () => {
    expect(type.parse(undefined, asRequired)).toEqual({ ok: false, error: 'required' })
    expect(type.parse('', asRequired)).toEqual({ ok: false, error: 'required' })
    expect(type.parse(undefined, asOptional)).toEqual({ ok: true, value: null })
    expect(type.isAnswered(null)).toBe(false)
    expect(type.display(null, label)).toEqual([])
    expect(type.csvValue(null, label)).toBe('')
  })

  it('refuses input that is not one of its answers, or not text at all', () => {
    const hostile: unknown[] = [{ nested: 'object' }, ['a', 'b', 'c', 'd'], 42]
    if (type.control !== 'textarea') hostile.push('not-an-option', '<script>')
    // A number box reads typed words as a number that is not whole.
    const refusals = type.control === 'number' ? ['invalid', 'required', 'notWhole'] : ['invalid', 'required']
    for (const input of hostile) {
      const parsed = type.parse(input, asRequired)
      if (parsed.ok) expect(type.control).toBe('checkboxes')
      else expect(refusals).toContain(parsed.error)
    }
  })

  it('lists items for every stored value, in a stable order, with "I don\'t know" style answers last', () => {
    const items = type.items(question, label)
    // Open answers (free text, numbers) have no fixed values, but may still offer "I don't know".
    expect(items.map((item) => item.value)).toEqual([
      ...new Set([...type.values(question), ...type.notCounted(question)]),
    ])
    const firstNonCommittal = items.findIndex((item) => item.exclusive)
    if (firstNonCommittal >= 0) {
      expect(items.slice(firstNonCommittal).every((item) => item.exclusive)).toBe(true)
      expect(type.notCounted(question).length).toBeGreaterThan(0)
    }
    for (const notCounted of type.notCounted(question)) {
      const parsed = type.parse(notCounted, asRequired)
      expect(parsed).toEqual({ ok: true, value: type.control === 'checkboxes' ? [notCounted] : notCounted })
      if (parsed.ok) expect(type.isAnswered(parsed.value)).toBe(true)
    }
  })
})

describe('question types in particular', () => {
  const byId = (id: string) => {
    const question = everyQuestionTypeDefinition.questions.find((each) => each.id === id)
    if (!question) throw new Error(id)
    return question
  }

  it('free text trims, normalises line breaks and counts characters as people see them', () => {
    const text = byId('text')
    const type = questionTypeFor(text)
    expect(type.parse('  a\r\nb  ', text)).toEqual({ ok: true, value: 'a\nb' })
    expect(type.parse('😀'.repeat(20), text)).toEqual({ ok: true, value: '😀'.repeat(20) })
    expect(type.parse('x'.repeat(21), text)).toEqual({ ok: false, error: 'tooLong' })
  })

  it('multiple choice keeps the shown order and will not mix "prefer not to say" with answers', () => {
    const multiple = byId('multiple')
    const type = questionTypeFor(multiple)
    expect(type.parse(['drawing', 'football'], multiple)).toEqual({
      ok: true,
      value: ['football', 'drawing'],
    })
    expect(type.display(['football', 'drawing'], (value) => value.toUpperCase())).toEqual([
      'FOOTBALL',
      'DRAWING',
    ])
    expect(type.parse(['music', 'prefer-not-to-say'], multiple)).toEqual({ ok: false, error: 'exclusive' })
    expect(type.parse(['music', 'music'], multiple)).toEqual({ ok: false, error: 'invalid' })
  })

  it('single choice questions refuse two answers at once', () => {
    const importance = byId('importance')
    expect(questionTypeFor(importance).parse(['important', 'very-important'], importance)).toEqual({
      ok: false,
      error: 'invalid',
    })
  })

  it('the registry refuses a type it does not know', () => {
    expect(() => questionTypeFor({ type: 'slider' as never })).toThrow('Unknown question type slider')
  })
})
