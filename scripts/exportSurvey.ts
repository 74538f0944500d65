import { schemaUrlOf } from '../server/surveyFiles/surveyFileDocument'
import { exportSurveyFile } from '../server/surveyFiles/exportSurveyFile'
import { CommandError, runSurveyFileCommand } from './surveyFileCommand'

const usage =
  'Usage: npm run --silent survey:export -- --organisation <slug> --survey <slug or id> > file.json'

/**
 * `npm run survey:export`: prints one of an organisation's surveys as a survey file on standard
 * output, and nothing else there, so it can be redirected to a file (npm's own banner is left out
 * with --silent). The export is recorded in the organisation's audit log.
 */
runSurveyFileCommand(
  usage,
  { survey: { type: 'string' } },
  async ({ config, db, organisation, values, positionals }) => {
    const survey = values.survey
    if (!survey || positionals.length > 0) throw new CommandError(usage)
    const exported = await exportSurveyFile(db, {
      organisationId: organisation.id,
      survey: { slugOrId: survey },
      by: { actor: 'command line' },
      schemaUrl: schemaUrlOf(config),
    })
    if (!exported) throw new CommandError(`${organisation.name} has no survey "${survey}".`)
    process.stdout.write(exported.json)
  },
)
