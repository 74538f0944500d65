import type { QuestionDefinition, QuestionTypeName } from '../definitionSchema'
import { multipleChoiceType, singleChoiceType } from './choiceType'
import type { QuestionType } from './contract'
import { freeTextType } from './freeText'
import { numberType } from './numberType'

const facePictures: Record<string, string> = { happy: 'face-happy', okay: 'face-okay', sad: 'face-sad' }

const fixed = (values: string[]) => () => values

/** The closed set of question types. A definition naming any other type is rejected. */
const registry: Record<QuestionTypeName, QuestionType> = {
  importance: singleChoiceType({
    name: 'importance',
    values: fixed(['very-important', 'important', 'not-important', 'dont-know']),
  }),
  agreement: singleChoiceType({
    name: 'agreement',
    values: fixed(['strongly-agree', 'agree', 'neither', 'disagree', 'strongly-disagree', 'dont-know']),
  }),
  faces: singleChoiceType({
    name: 'faces',
    values: fixed(['happy', 'okay', 'sad', 'dont-know']),
    picture: (value) => facePictures[value],
  }),
  'yes-no-not-sure': singleChoiceType({ name: 'yes-no-not-sure', values: fixed(['yes', 'no', 'not-sure']) }),
  'single-choice': singleChoiceType({
    name: 'single-choice',
    values: (question) =>
      question.type === 'single-choice'
        ? [
            ...question.options,
            ...(question.dontKnow ? ['dont-know'] : []),
            ...(question.preferNotToSay ? ['prefer-not-to-say'] : []),
          ]
        : [],
  }),
  'age-group': singleChoiceType({
    name: 'age-group',
    values: (question) => (question.type === 'age-group' ? [...question.bands, 'prefer-not-to-say'] : []),
  }),
  'multiple-choice': multipleChoiceType({
    name: 'multiple-choice',
    values: (question) =>
      question.type === 'multiple-choice'
        ? [
            ...question.options,
            ...(question.dontKnow ? ['dont-know'] : []),
            ...(question.preferNotToSay ? ['prefer-not-to-say'] : []),
          ]
        : [],
  }),
  number: numberType,
  'free-text': freeTextType,
}

export const questionTypeNames = Object.keys(registry) as QuestionTypeName[]

export function questionTypeFor(question: Pick<QuestionDefinition, 'type'>): QuestionType {
  const type = (registry as Partial<Record<string, QuestionType>>)[question.type]
  if (!type) throw new Error(`Unknown question type ${question.type}`)
  return type
}
