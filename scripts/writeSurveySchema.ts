import fs from 'node:fs'
import { z } from 'zod'
import { fromRoot } from '../server/projectRoot'
import { surveyFileJsonSchema } from '../server/surveyFiles/surveyFileJsonSchema'
import { surveyDefinitionSchema } from '../server/surveys/definitionSchema'

/** Writes surveys/survey.schema.json from the zod schema, so editors can check survey files as they type. */
export function surveyJsonSchema(): string {
  const schema = z.toJSONSchema(surveyDefinitionSchema, { io: 'input', unrepresentable: 'any' })
  return `${JSON.stringify({ ...schema, title: 'Heard survey definition' }, null, 2)}\n`
}

if (require.main === module) {
  fs.writeFileSync(fromRoot('surveys', 'survey.schema.json'), surveyJsonSchema())
  process.stdout.write('wrote surveys/survey.schema.json\n')
  // Survey files (export and import) hold a definition and its words; their schema composes the one above.
  fs.writeFileSync(fromRoot('surveys', 'survey-file.schema.json'), surveyFileJsonSchema())
  process.stdout.write('wrote surveys/survey-file.schema.json\n')
}
