import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import request from 'supertest'
import { paths } from '../../server/paths'
import {
  currentSnapshotVersion,
  readSnapshot,
  snapshotVersions,
  UnreadableSnapshotError,
} from '../../server/scorecards/model/publishedSnapshot'
import { insertOrganisation } from '../helpers/factories'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { visibleText } from '../helpers/scorecards'

/** Snapshots as each version of the format stored them: one file a version, never edited once written. */
const storedSnapshot = (version: number): unknown =>
  JSON.parse(fs.readFileSync(path.join(__dirname, 'storedSnapshots', `version-${version}.json`), 'utf8'))

const database = useTestDatabase()
let testApp: TestApp

beforeAll(async () => {
  testApp = await buildTestApp(database.db)
})

async function storeSnapshot(version: number, content: unknown, period: string) {
  const organisation = await insertOrganisation(database.db)
  await database.db.query(
    `INSERT INTO scorecard_snapshots (organisation_id, id, period, published_by, schema_version, content)
     VALUES ($1, $2, $3, 'admin@council.example', $4, $5)`,
    [organisation.id, randomUUID(), period, version, JSON.stringify(content)],
  )
  return organisation
}

describe('published scorecard snapshots of every format version', () => {
  it('writes new snapshots in the newest version', () => {
    expect(currentSnapshotVersion).toBe(Math.max(...snapshotVersions))
  })

  it.each(snapshotVersions)(
    'renders a snapshot stored in version %i on its public page and as open data',
    async (version) => {
      const organisation = await storeSnapshot(version, storedSnapshot(version), '2026-Q3')
      const page = await request(testApp.app).get(
        paths.publicScorecards.snapshot(organisation.slug, '2026-Q3'),
      )
      expect(page.status).toBe(200)
      const text = visibleText(page.text)
      expect(text).toContain('I need to be listened to and heard.')
      expect(text).toContain('62.9%')
      expect(text).toContain('It was hard to know who to contact about my child’s plan.')
      const embed = await request(testApp.app).get(paths.publicScorecards.embed(organisation.slug, '2026-Q3'))
      expect(embed.status).toBe(200)
      const openData = await request(testApp.app).get(
        paths.publicScorecards.openData(organisation.slug, '2026-Q3'),
      )
      expect(openData.status).toBe(200)
      const body = openData.body as {
        outcomes: { indicators: { number: string; current: { numerator: number } }[] }[]
      }
      expect(body.outcomes[0]?.indicators[0]).toMatchObject({ number: '1.1', current: { numerator: 22 } })
    },
  )

  it('shows version 2’s comparison figures, and its translations with English where there are none', async () => {
    const organisation = await storeSnapshot(2, storedSnapshot(2), '2026-Q3')
    const english = await request(testApp.app).get(
      paths.publicScorecards.snapshot(organisation.slug, '2026-Q3'),
    )
    const englishText = visibleText(english.text)
    expect(englishText).toContain('England 80.2%')
    expect(englishText).toContain('Significantly worse than England')
    expect(englishText).toContain('Not significantly different from the region')
    expect(englishText).toContain('Source: Made-up figures for the demo')

    const welsh = await request(testApp.app)
      .get(paths.publicScorecards.snapshot(organisation.slug, '2026-Q3'))
      .query({ lang: 'cy' })
    expect(welsh.text).toContain('<html lang="cy"')
    // Translated: in Welsh, unmarked, so read as the page's language.
    expect(welsh.text).toContain('<bdi>Mae angen i mi gael fy ngwrando a’m clywed.</bdi>')
    expect(welsh.text).toContain(
      '<bdi>Roedd hi’n anodd gwybod â phwy i gysylltu am gynllun fy mhlentyn.</bdi>',
    )
    // Not translated: the English stands in, marked as English.
    expect(welsh.text).toContain(
      '<bdi lang="en" dir="ltr">Every family now has a named caseworker, with their phone number on each letter.</bdi>',
    )
    expect(visibleText(welsh.text)).toContain('Yn sylweddol waeth na Lloegr')

    const openData = await request(testApp.app).get(
      paths.publicScorecards.openData(organisation.slug, '2026-Q3'),
    )
    const body = openData.body as {
      outcomes: {
        outcome: { translations: Record<string, Record<string, string>> }
        indicators: { references: { area: string; value: number; comparison: string }[] }[]
      }[]
    }
    expect(body.outcomes[0]?.indicators[0]?.references).toEqual([
      expect.objectContaining({ area: 'england', value: 80.2, comparison: 'worse' }),
      expect.objectContaining({ area: 'region', value: 60, comparison: 'similar' }),
    ])
    expect(body.outcomes[0]?.outcome.translations).toEqual({
      cy: { statement: 'Mae angen i mi gael fy ngwrando a’m clywed.' },
    })
  })

  it('refuses to read a version it does not know, or content that does not fit its version', () => {
    expect(() => readSnapshot(Math.max(...snapshotVersions) + 1, storedSnapshot(1))).toThrow(
      UnreadableSnapshotError,
    )
    expect(() => readSnapshot(1, { groups: 'not a list' })).toThrow()
  })

  it('answers a stored snapshot it cannot read with the error page, not a stack trace', async () => {
    const organisation = await storeSnapshot(1, { groups: 'not a list' }, '2026-Q2')
    const page = await request(testApp.app).get(paths.publicScorecards.snapshot(organisation.slug, '2026-Q2'))
    expect(page.status).toBe(500)
    expect(page.text).not.toMatch(/ZodError|at .*\.ts:\d+/)
  })
})
