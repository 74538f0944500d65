import fs from 'node:fs'
import { importSurveyFile } from '../server/surveyFiles/importSurveyFile'
import { problemLine } from '../server/surveyFiles/problemText'
import { CommandError, runSurveyFileCommand } from './surveyFileCommand'

const usage = 'Usage: npm run survey:import -- --organisation <slug> <file.json>'

/**
 * `npm run survey:import`: imports a survey file into an organisation as a draft, as the import page
 * does, and prints the new survey's slug and id. A bad file prints every problem, with its path, to
 * standard error, writes nothing and exits with 1.
 */
runSurveyFileCommand(usage, {}, async ({ db, organisation, t, positionals }) => {
  const [file, ...more] = positionals
  if (file === undefined || more.length > 0) throw new CommandError(usage)
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch {
    throw new CommandError(`Cannot read ${file}.`)
  }
  const imported = await importSurveyFile(db, {
    organisationId: organisation.id,
    by: { actor: 'command line' },
    bytes,
  })
  if (!imported.ok) {
    const lines = imported.problems.map((problem) => `  ${problemLine(problem, t)}`)
    throw new CommandError(`${file} was not imported. Nothing was saved.\n${lines.join('\n')}`)
  }
  process.stdout.write(
    `Imported into ${organisation.name} as a draft.\nslug: ${imported.slug}\nid: ${imported.surveyId}\n`,
  )
})
