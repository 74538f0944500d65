import { seedDemo } from '../../server/demo/seedDemo'
import { createTranslator } from '../../server/i18n/translator'
import { countRows } from '../helpers/factories'
import { openTestDatabase } from '../helpers/testDatabase'

describe('demo data', () => {
  it('fills an empty database with an organisation, both template surveys open and a published scorecard, once', async () => {
    const database = await openTestDatabase()
    const t = (await createTranslator())('en')
    try {
      const first = await seedDemo(database.db, t)
      expect(first).toEqual({
        created: true,
        surveyPaths: ['/s/demo-council/ehcp-experience', '/s/demo-council/what-i-need'],
      })
      const again = await seedDemo(database.db, t)
      expect(again).toEqual({ ...first, created: false })
      const surveys = await database.db.query<{ count: number }>(
        `SELECT count(*)::integer AS count FROM surveys WHERE status = 'open'`,
      )
      expect(surveys[0]?.count).toBe(2)
      // Five quarters of made-up responses: 60 a quarter for young people, 40 for parent carers.
      expect(await countRows(database.db, 'responses')).toBe(500)
      const [scorecards] = await database.db.query<{
        outcomes: number
        indicators: number
        snapshots: number
      }>(
        `SELECT (SELECT count(*)::integer FROM outcomes) AS outcomes,
                (SELECT count(*)::integer FROM indicators) AS indicators,
                (SELECT count(*)::integer FROM scorecard_snapshots) AS snapshots`,
      )
      expect(scorecards).toEqual({ outcomes: 6, indicators: 12, snapshots: 1 })
    } finally {
      await database.drop()
    }
  })
})
