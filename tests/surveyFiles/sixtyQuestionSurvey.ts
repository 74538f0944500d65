import { surveyDefinitionSchema, type QuestionTypeName } from '../../server/surveys/definitionSchema'
import { questionTypeNames } from '../../server/surveys/questionTypes/registry'
import type { SurveyTemplate } from '../../server/surveys/templates'
import type { QuestionWords, SurveyWords } from '../../server/surveys/words'

/** Each question type's own settings; a type added to the registry must be added here to compile. */
const settingsOf: Record<QuestionTypeName, Record<string, unknown>> = {
  importance: {},
  agreement: {},
  faces: { picture: { name: 'house', alt: 'described' } },
  'yes-no-not-sure': {},
  'single-choice': { options: ['bus', 'train', 'car'], dontKnow: true },
  'multiple-choice': { options: ['football', 'music', 'drawing'], preferNotToSay: true, optional: true },
  number: { min: 0, max: 30, dontKnow: true },
  'free-text': { maxLength: 500, optional: true },
  'age-group': { bands: ['under-8', '8-11', '12-15', '16-plus'] },
}

const labels = {
  en: { question: 'Question', page: 'About the next questions', body: 'These questions are about school.' },
  cy: { question: 'Cwestiwn', page: 'Am y cwestiynau nesaf', body: "Mae'r cwestiynau hyn am yr ysgol." },
  ur: { question: 'سوال', page: 'اگلے سوالات کے بارے میں', body: 'یہ سوالات اسکول کے بارے میں ہیں۔' },
}

const optionWords: Record<string, string> = {
  bus: 'Bus',
  train: 'Train',
  car: 'Car',
  football: 'Football',
  music: 'Music',
  drawing: 'Drawing',
}

/**
 * A survey of the given number of questions going round every question type, in English, Welsh and
 * Urdu, with an information page every ten questions and, after each yes/no question, one asked only
 * if it was answered yes: the biggest kind of survey an officer builds, for benchmarks and imports.
 */
export function manyQuestionSurvey(count = 60): SurveyTemplate {
  const questions = Array.from({ length: count }, (_, index) => {
    const type = questionTypeNames[index % questionTypeNames.length] ?? 'importance'
    const previous = index > 0 ? questionTypeNames[(index - 1) % questionTypeNames.length] : undefined
    return {
      id: `q${index + 1}`,
      type,
      ...settingsOf[type],
      ...(previous === 'yes-no-not-sure' ? { askIf: { question: `q${index}`, answers: ['yes'] } } : {}),
    }
  })
  const informationPages = Array.from({ length: Math.floor(count / 10) }, (_, index) => ({
    id: `part-${index + 1}`,
    before: `q${index * 10 + 1}`,
  }))
  const definition = surveyDefinitionSchema.parse({
    id: 'sixty-questions',
    audience: 'parent-carer',
    easyRead: false,
    estimatedMinutes: 20,
    languages: ['en', 'cy', 'ur'],
    questions,
    informationPages,
  })
  const wordsIn = (language: keyof typeof labels): SurveyWords => ({
    title: `${labels[language].question} ${count}`,
    start: { purpose: [labels[language].body], answers: [labels[language].body] },
    questions: Object.fromEntries(
      definition.questions.map((question): [string, QuestionWords] => [
        question.id,
        {
          title: `${labels[language].question} ${question.id}`,
          ...(question.picture?.alt === 'described' ? { pictureAlt: labels[language].page } : {}),
          ...('options' in question
            ? {
                options: Object.fromEntries(
                  question.options.map((option) => [option, optionWords[option] ?? option]),
                ),
              }
            : {}),
        },
      ]),
    ),
    pages: Object.fromEntries(
      informationPages.map((page) => [
        page.id,
        { title: labels[language].page, body: [labels[language].body] },
      ]),
    ),
  })
  return { definition, words: { en: wordsIn('en'), cy: wordsIn('cy'), ur: wordsIn('ur') } }
}
