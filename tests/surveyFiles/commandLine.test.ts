import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { fromRoot } from '../../server/projectRoot'
import { loadTemplate } from '../../server/surveys/templates'
import { surveyFileDocument } from '../../server/surveyFiles/surveyFileDocument'
import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { openCommandLineDatabase, type CommandLineDatabase } from './commandLineDatabase'
import {
  addINeedOutcomes,
  auditLines,
  everyKindOfProblem,
  fileWithEveryKindOfProblem,
  importedRows,
  storedSurvey,
} from './surveyFileFixtures'

const run = promisify(execFile)

// Each command starts Node, compiles TypeScript and opens the database: seconds each on a busy machine.
jest.setTimeout(180_000)

let database: CommandLineDatabase
let folder: string
let north: { id: string; slug: string }
let south: { id: string; slug: string }

beforeAll(async () => {
  database = await openCommandLineDatabase()
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'heard-survey-files-'))
  await database.use(async (db) => {
    north = await insertOrganisation(db)
    south = await insertOrganisation(db)
    await addINeedOutcomes(db, north.id)
    await addINeedOutcomes(db, south.id)
    await insertSurvey(db, { organisationId: north.id, template: 'what-i-need', status: 'open' })
  })
})
afterAll(async () => {
  fs.rmSync(folder, { recursive: true, force: true })
  await database.drop()
})

/** The npm script's command, run as npm runs it, with the test database in its settings. */
const command = (script: 'importSurvey' | 'exportSurvey', args: string[]) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: fromRoot(),
    env: { ...database.env, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
    maxBuffer: 16 * 1024 * 1024,
  })

const failureOf = async (running: Promise<unknown>) => {
  try {
    await running
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string }
  }
  throw new Error('The command succeeded')
}

describe('npm run survey:export and survey:import', () => {
  it('exports a survey to standard output and imports it into another organisation as a draft', async () => {
    const exported = await command('exportSurvey', ['--organisation', north.slug, '--survey', 'what-i-need'])
    const file = JSON.parse(exported.stdout) as { format: string; definition: unknown; words: unknown }
    expect(file.format).toBe('heard-survey')
    expect(exported.stderr).toBe('')
    const saved = path.join(folder, 'what-i-need.survey.json')
    fs.writeFileSync(saved, exported.stdout)

    const imported = await command('importSurvey', ['--organisation', south.slug, saved])
    const id = /^id: ([0-9a-f-]{36})$/m.exec(imported.stdout)?.[1]
    expect(imported.stdout).toContain('slug: what-i-need\n')
    expect(id).toBeDefined()

    // Exported again from its new home by its id, it is the same file.
    const again = await command('exportSurvey', ['--organisation', south.slug, '--survey', id ?? ''])
    expect(again.stdout).toBe(exported.stdout)
    await database.use(async (db) => {
      const original = await storedSurvey(db, north.id, 'what-i-need')
      const copy = await storedSurvey(db, south.id, 'what-i-need')
      expect(copy).toEqual({
        ...original,
        definition: { ...(original?.definition as object), $schema: undefined },
        status: 'draft',
        versions: [1],
      })
      expect(await auditLines(db, north.id, 'survey-exported')).toEqual([
        'survey-exported what-i-need command line',
      ])
      expect(await auditLines(db, south.id, 'survey-imported')).toEqual([
        'survey-imported what-i-need command line',
      ])
    })
  })

  it('lists every problem of a bad file with its path on standard error, exits 1 and writes nothing', async () => {
    const bad = path.join(folder, 'bad.json')
    fs.writeFileSync(bad, JSON.stringify(fileWithEveryKindOfProblem(), null, 2))
    const before = await database.use(importedRows)
    const failed = await failureOf(command('importSurvey', ['--organisation', south.slug, bad]))
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe('')
    expect(failed.stderr).toContain('was not imported. Nothing was saved.')
    for (const problem of everyKindOfProblem) expect(failed.stderr).toContain(problem)
    expect(await database.use(importedRows)).toEqual(before)

    const notJson = path.join(folder, 'not.json')
    fs.writeFileSync(
      notJson,
      surveyFileDocument(loadTemplate('what-i-need'), 'x').replace('"questions": [', '"questions" ['),
    )
    const broken = await failureOf(command('importSurvey', ['--organisation', south.slug, notJson]))
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(
      /\(file\): The file is not valid JSON: it goes wrong at line \d+, column 17/,
    )
    expect(await database.use(importedRows)).toEqual(before)
  })

  it('says what is wrong with the command itself, exiting 1', async () => {
    const unknownSurvey = await failureOf(
      command('exportSurvey', ['--organisation', south.slug, '--survey', 'what-i-need-never']),
    )
    expect(unknownSurvey.code).toBe(1)
    expect(unknownSurvey.stdout).toBe('')
    expect(unknownSurvey.stderr).toContain('has no survey "what-i-need-never"')
    const unknownOrganisation = await failureOf(
      command('importSurvey', ['--organisation', 'nowhere', 'x.json']),
    )
    expect(unknownOrganisation.stderr).toContain('No organisation "nowhere".')
    const noFile = await failureOf(command('importSurvey', ['--organisation', south.slug]))
    expect(noFile.stderr).toContain('Usage: npm run survey:import')
  })
})
