import { Journey } from '../../server/respond/journey'
import { everyQuestionTypeDefinition } from '../fixtures/everyQuestionType'

const questions = everyQuestionTypeDefinition.questions

describe('Journey', () => {
  it('starts at the first question and cannot skip ahead', () => {
    const journey = new Journey(questions, {})
    expect(journey.firstUnanswered()).toEqual({ kind: 'question', questionId: 'importance' })
    expect(journey.canVisit({ kind: 'question', questionId: 'importance' })).toBe(true)
    expect(journey.canVisit({ kind: 'question', questionId: 'agreement' })).toBe(false)
    expect(journey.canVisit({ kind: 'check-answers' })).toBe(false)
    expect(journey.canVisit({ kind: 'question', questionId: 'no-such-question' })).toBe(false)
  })

  it('goes forward one page at a time and back to the start from the first page', () => {
    const journey = new Journey(questions, { importance: 'important' })
    expect(journey.next('importance')).toEqual({ kind: 'question', questionId: 'agreement' })
    expect(journey.previous('agreement')).toEqual({ kind: 'question', questionId: 'importance' })
    expect(journey.previous('importance')).toBe('start')
  })

  it('counts a skipped optional question as answered', () => {
    const answers = Object.fromEntries(questions.map(({ id }) => [id, id === 'multiple' ? null : 'x']))
    expect(new Journey(questions, answers).isComplete).toBe(true)
  })

  it('returns to check answers after a change once everything is answered', () => {
    const answers = Object.fromEntries(questions.map(({ id }) => [id, 'x']))
    const journey = new Journey(questions, answers)
    expect(journey.next('importance')).toEqual({ kind: 'check-answers' })
    expect(journey.canVisit({ kind: 'check-answers' })).toBe(true)
  })

  it('after the last page with an earlier gap, goes to the gap', () => {
    const answers = Object.fromEntries(questions.map(({ id }) => [id, 'x']))
    delete answers.agreement
    const last = questions.at(-1)?.id ?? ''
    expect(new Journey(questions, answers).next(last)).toEqual({ kind: 'question', questionId: 'agreement' })
  })
})
