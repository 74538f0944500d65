import fs from 'node:fs'
import { z } from 'zod'
import { languages } from '../i18n/languages'
import { readLocaleFile } from '../i18n/translator'
import { fromRoot } from '../projectRoot'
import { surveyDefinitionSchema, type SurveyDefinition } from './definitionSchema'
import { surveyWordsSchema, type SurveyWordsByLanguage } from './words'

export interface SurveyTemplate {
  definition: SurveyDefinition
  words: SurveyWordsByLanguage
}

const outcomeFrameworkSchema = z.object({ id: z.string(), statements: z.array(z.string()).min(1) }).strict()

export function listTemplateIds(): string[] {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- template and framework ids from the surveys folder listing or a zod enum of it
  return fs
    .readdirSync(fromRoot('surveys'))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort()
}

export function readOutcomeStatements(frameworkId: string): string[] {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- template and framework ids from the surveys folder listing or a zod enum of it
  const text = fs.readFileSync(fromRoot('surveys', 'outcomes', `${frameworkId}.json`), 'utf8')
  return outcomeFrameworkSchema.parse(JSON.parse(text)).statements
}

/** Checks a definition against its words and outcomes; returns what is wrong, in plain words. */
export function checkTemplate(template: SurveyTemplate): string[] {
  const { definition, words } = template
  const problems: string[] = []
  const statements = definition.outcomeFramework ? readOutcomeStatements(definition.outcomeFramework) : []
  for (const [language, surveyWords] of Object.entries(words)) {
    for (const question of definition.questions) {
      const questionWords = surveyWords.questions[question.id]
      if (!questionWords) problems.push(`${language}: no words for question ${question.id}`)
      if (question.picture?.alt === 'described' && !questionWords?.pictureAlt)
        problems.push(`${language}: question ${question.id} has a described picture but no pictureAlt`)
    }
    for (const page of definition.informationPages)
      if (!surveyWords.pages?.[page.id])
        problems.push(`${language}: no words for information page ${page.id}`)
  }
  for (const language of definition.languages ?? [])
    if (!words[language]) problems.push(`${language} is offered but the survey has no words in it`)
  for (const question of definition.questions) {
    if (question.outcome && !statements.includes(question.outcome))
      problems.push(`question ${question.id} evidences unknown outcome ${question.outcome}`)
  }
  return problems
}

/** Reads a template's definition from surveys/ and its words in every language from locales/. */
export function loadTemplate(templateId: string): SurveyTemplate {
  const file = fromRoot('surveys', `${templateId}.json`)
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- template and framework ids from the surveys folder listing or a zod enum of it
  const definition = surveyDefinitionSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  const words: SurveyWordsByLanguage = {}
  for (const { code } of languages) {
    const all = readLocaleFile(code, 'surveys')
    if (all[templateId] !== undefined) words[code] = surveyWordsSchema.parse(all[templateId])
  }
  const template = { definition, words }
  const problems = checkTemplate(template)
  if (problems.length > 0)
    throw new Error(`Survey template ${templateId} is not valid:\n  ${problems.join('\n  ')}`)
  return template
}
