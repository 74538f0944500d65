import { importSurveyFile } from '../../server/surveyFiles/importSurveyFile'
import { surveyFileDocument } from '../../server/surveyFiles/surveyFileDocument'
import { insertOrganisation } from '../helpers/factories'
import { useTestDatabase } from '../helpers/testDatabase'
import { manyQuestionSurvey } from './sixtyQuestionSurvey'
import { auditLines, importedRows, storedSurvey } from './surveyFileFixtures'

const database = useTestDatabase()
let organisation: { id: string; slug: string }

beforeAll(async () => {
  organisation = await insertOrganisation(database.db)
})

const sixty = manyQuestionSurvey()
const fileOf = (id: string) =>
  Buffer.from(
    surveyFileDocument({ ...sixty, definition: { ...sixty.definition, id } }, 'https://x.example/s.json'),
  )
const importAtCommandLine = (bytes: Buffer) =>
  importSurveyFile(database.db, { organisationId: organisation.id, by: { actor: 'command line' }, bytes })

describe('importing a survey file in one transaction', () => {
  it('imports a 60-question survey in three languages, audited as the command line', async () => {
    const imported = await importAtCommandLine(fileOf('sixty-questions'))
    expect(imported).toEqual({ ok: true, slug: 'sixty-questions', surveyId: expect.any(String) as unknown })
    const stored = await storedSurvey(database.db, organisation.id, 'sixty-questions')
    expect(stored?.definition).toEqual(sixty.definition)
    expect(stored?.words).toEqual(sixty.words)
    expect(stored?.template_id).toBe('sixty-questions')
    expect(await auditLines(database.db, organisation.id, 'survey-imported')).toEqual([
      'survey-imported sixty-questions command line',
    ])
  })

  it('leaves no survey behind when a later write of the same import fails', async () => {
    // A real failure inside the database, after the survey row is written and before its version is.
    await database.db.exec(`
      CREATE FUNCTION refuse_midway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.definition->>'id' = 'fails-midway' THEN RAISE EXCEPTION 'refused midway'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_midway BEFORE INSERT ON survey_versions FOR EACH ROW EXECUTE FUNCTION refuse_midway();`)
    try {
      const before = await importedRows(database.db)
      await expect(importAtCommandLine(fileOf('fails-midway'))).rejects.toThrow('refused midway')
      expect(await importedRows(database.db)).toEqual(before)
      expect(await storedSurvey(database.db, organisation.id, 'fails-midway')).toBeUndefined()
    } finally {
      await database.db.exec('DROP TRIGGER refuse_midway ON survey_versions; DROP FUNCTION refuse_midway();')
    }
  })

  it('gives imports of one file at the same time different slugs', async () => {
    const results = await Promise.all([1, 2, 3].map(() => importAtCommandLine(fileOf('at-once'))))
    const slugs = results.map((result) => (result.ok ? result.slug : 'refused')).sort()
    expect(slugs).toEqual(['at-once', 'at-once-2', 'at-once-3'])
  })
})
