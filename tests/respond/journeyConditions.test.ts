import { Journey, type Answers } from '../../server/respond/journey'
import { conditionalSurveyDefinition as definition } from '../fixtures/conditionalSurvey'

const question = (questionId: string) => ({ kind: 'question', questionId }) as const
const page = (pageId: string) => ({ kind: 'page', pageId }) as const
const checkAnswers = { kind: 'check-answers' } as const

const withPets: Answers = {
  'has-pet': 'yes',
  'pet-count': '2',
  'pet-kinds': ['dog', 'cat'],
  'dog-walks': 'daily',
  worries: null,
  age: '11',
}

describe('Journey with conditions', () => {
  it('waits on an unanswered question: its dependants count, but cannot be reached yet', () => {
    const journey = new Journey(definition, {})
    expect(journey.firstUnanswered()).toEqual(question('has-pet'))
    expect(journey.total).toBe(6)
    expect(journey.canVisit(question('pet-count'))).toBe(false)
    expect(journey.canVisit(page('about-pets'))).toBe(false)
  })

  it('skips questions whose condition is not met: not a step, not required, not counted', () => {
    const journey = new Journey(definition, { 'has-pet': 'no' })
    expect(journey.next('has-pet')).toEqual(question('worries'))
    for (const skipped of ['pet-count', 'pet-kinds', 'dog-walks']) {
      expect(journey.isAsked(skipped)).toBe(false)
      expect(journey.canVisit(question(skipped))).toBe(false)
      expect(journey.indexOf(skipped)).toBe(-1)
    }
    expect(journey.canVisit(page('about-pets'))).toBe(false)
    expect(journey.total).toBe(3)
    expect(journey.indexOf('worries')).toBe(1)
    expect(journey.previous('worries')).toEqual(question('has-pet'))
    const done = new Journey(definition, { 'has-pet': 'no', worries: null, age: '9' })
    expect(done.isComplete).toBe(true)
    expect(done.canVisit(checkAnswers)).toBe(true)
  })

  it('shows an information page just before its question, with Back and Continue around it', () => {
    const journey = new Journey(definition, { 'has-pet': 'yes' })
    expect(journey.next('has-pet')).toEqual(page('about-pets'))
    expect(journey.canVisit(page('about-pets'))).toBe(true)
    expect(journey.next(page('about-pets'))).toEqual(question('pet-count'))
    expect(journey.previous('pet-count')).toEqual(page('about-pets'))
    expect(journey.previous(page('about-pets'))).toEqual(question('has-pet'))
    // Coming back to the survey later, the page is read again before its question.
    expect(journey.firstUnanswered()).toEqual(page('about-pets'))
  })

  it('asks a multiple-choice dependant when the answer includes one of the values', () => {
    const base = { 'has-pet': 'yes', 'pet-count': '1' }
    expect(new Journey(definition, { ...base, 'pet-kinds': ['cat', 'dog'] }).isAsked('dog-walks')).toBe(true)
    const catsOnly = new Journey(definition, { ...base, 'pet-kinds': ['cat'] })
    expect(catsOnly.isAsked('dog-walks')).toBe(false)
    expect(catsOnly.next('pet-kinds')).toEqual(question('worries'))
    expect(new Journey(definition, { ...base, 'pet-kinds': ['dont-know'] }).isAsked('dog-walks')).toBe(false)
  })

  it('skips a dependant of a skipped question, whatever stale answer the draft still holds', () => {
    const journey = new Journey(definition, { ...withPets, 'has-pet': 'not-sure' })
    expect(journey.isAsked('pet-kinds')).toBe(false)
    expect(journey.isAsked('dog-walks')).toBe(false)
    expect(journey.askedAnswers()).toEqual({ 'has-pet': 'not-sure', worries: null, age: '11' })
    expect(journey.isComplete).toBe(true)
  })

  it('keeps every asked answer, with null for an optional one left blank', () => {
    expect(new Journey(definition, withPets).askedAnswers()).toEqual(withPets)
  })

  it('after the last question, shows the closing information page, then check answers', () => {
    const journey = new Journey(definition, withPets)
    expect(journey.next('age')).toEqual(page('nearly-done'))
    expect(journey.next(page('nearly-done'))).toEqual(checkAnswers)
    expect(journey.previous(checkAnswers)).toEqual(page('nearly-done'))
    expect(journey.previous(page('nearly-done'))).toEqual(question('age'))
  })

  it('after a change, goes back to check answers once everything asked is answered', () => {
    const journey = new Journey(definition, { ...withPets, 'pet-kinds': ['cat'] })
    expect(journey.next('pet-kinds')).toEqual(checkAnswers)
    expect(journey.next('has-pet')).toEqual(checkAnswers)
  })

  it('after a change that asks a new question, goes on to it', () => {
    const answers = { 'has-pet': 'yes', worries: null, age: '11' }
    const journey = new Journey(definition, answers)
    expect(journey.isComplete).toBe(false)
    expect(journey.next('has-pet')).toEqual(page('about-pets'))
    expect(journey.firstUnanswered()).toEqual(page('about-pets'))
  })

  it('skips a question whose optional question was left blank', () => {
    const optionalFirst = {
      ...definition,
      questions: definition.questions.map((each) =>
        each.id === 'has-pet' ? { ...each, optional: true } : each,
      ),
    }
    const journey = new Journey(optionalFirst, { 'has-pet': null })
    expect(journey.isAsked('pet-count')).toBe(false)
    expect(journey.next('has-pet')).toEqual(question('worries'))
  })

  it('starts with an information page placed before the first question', () => {
    const pageFirst = { ...definition, informationPages: [{ id: 'welcome', before: 'has-pet' }] }
    const journey = new Journey(pageFirst, {})
    expect(journey.firstUnanswered()).toEqual(page('welcome'))
    expect(journey.previous(page('welcome'))).toBe('start')
    expect(journey.canVisit(page('welcome'))).toBe(true)
    expect(journey.canVisit(page('no-such-page'))).toBe(false)
  })

  it('shows several pages before one question in the order the survey lists them', () => {
    const twoPages = {
      ...definition,
      informationPages: [
        { id: 'first', before: 'worries' },
        { id: 'second', before: 'worries' },
      ],
    }
    const journey = new Journey(twoPages, { 'has-pet': 'no' })
    expect(journey.next('has-pet')).toEqual(page('first'))
    expect(journey.next(page('first'))).toEqual(page('second'))
    expect(journey.next(page('second'))).toEqual(question('worries'))
  })
})
