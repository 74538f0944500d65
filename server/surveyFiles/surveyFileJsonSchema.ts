import { z } from 'zod'
import { surveyFileSchema } from './surveyFileSchema'

/** The JSON Schema of survey files, written to surveys/survey-file.schema.json by npm run schema:survey. */
export function surveyFileJsonSchema(): string {
  const schema = z.toJSONSchema(surveyFileSchema, { io: 'input', unrepresentable: 'any' })
  return `${JSON.stringify(
    {
      ...schema,
      title: 'Heard survey file',
      description:
        'One survey to share between organisations: its definition and its words in each language. ' +
        'Import it under Manage, Import a survey, or with npm run survey:import.',
    },
    null,
    2,
  )}\n`
}
