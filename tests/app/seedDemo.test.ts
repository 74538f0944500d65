import { seedDemo } from '../../server/demo/seedDemo'
import { countRows } from '../helpers/factories'
import { openTestDatabase } from '../helpers/testDatabase'

describe('demo data', () => {
  it('fills an empty database with an organisation and both template surveys open, once', async () => {
    const database = await openTestDatabase()
    try {
      const first = await seedDemo(database.db)
      expect(first).toEqual({
        created: true,
        surveyPaths: ['/s/demo-council/ehcp-experience', '/s/demo-council/what-i-need'],
      })
      const again = await seedDemo(database.db)
      expect(again).toEqual({ ...first, created: false })
      const surveys = await database.db.query<{ count: number }>(
        `SELECT count(*)::integer AS count FROM surveys WHERE status = 'open'`,
      )
      expect(surveys[0]?.count).toBe(2)
      expect(await countRows(database.db, 'responses')).toBe(0)
    } finally {
      await database.drop()
    }
  })
})
