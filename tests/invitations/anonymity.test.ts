import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { signedInAs } from '../helpers/officers'
import { startSmtpServer } from '../helpers/smtpServer'
import { startWorker } from '../helpers/testApp'
import { useTestDatabase } from '../helpers/testDatabase'
import { appWithMail, eventually, surveyLinkIn, uploadAndSend } from './invitationFixtures'
import { answeredAddresses, answerThroughLink } from './journey'

const database = useTestDatabase()

const contactTables = ['contact_lists', 'invitations', 'invitation_emails', 'unsubscribed_addresses']
const answerTables = ['responses', 'held_responses', 'drafts']

/** Each column of the table, with its type. */
async function columnsOf(table: string): Promise<Map<string, string>> {
  const rows = await database.db.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  )
  return new Map(rows.map((row) => [row.column_name, row.data_type]))
}

/**
 * Columns both sides have by design: the organisation and survey, and the language (the contact's,
 * to write to them in; the response's, as answered). A language is an attribute, not a key: results
 * suppress small counts whatever they are broken down by.
 */
const shared = ['organisation_id', 'survey_id', 'language']

describe('the anonymity of invited contacts', () => {
  it('keeps no column on contacts and invitations that any answer table also has, and the other way round', async () => {
    for (const contactTable of contactTables) {
      const contactColumns = await columnsOf(contactTable)
      expect(contactColumns.size).toBeGreaterThan(0)
      for (const answerTable of answerTables) {
        const answerColumns = await columnsOf(answerTable)
        const common = [...contactColumns.keys()].filter(
          (column) => answerColumns.has(column) && !shared.includes(column),
        )
        // An id is each table's own random uuid: it names nothing in the other table.
        expect({ contactTable, answerTable, common: common.filter((column) => column !== 'id') }).toEqual({
          contactTable,
          answerTable,
          common: [],
        })
      }
    }
    // Nothing that could hold a time of answering: "answered" is a yes or no.
    expect((await columnsOf('invitations')).get('answered')).toBe('boolean')
    const constraints = await database.db.query<{ definition: string }>(
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)`,
      [[...contactTables, ...answerTables]],
    )
    for (const { definition } of constraints)
      for (const table of answerTables) expect(definition).not.toContain(`REFERENCES ${table}`)
  })

  it('marks only "answered", and no log line carries a token, a link or an address', async () => {
    const smtp = await startSmtpServer()
    const testApp = await appWithMail(database.db, { smtpUrl: smtp.url })
    const stop = await startWorker(testApp)
    try {
      const organisation = await insertOrganisation(database.db)
      const { slug } = await insertSurvey(database.db, {
        organisationId: organisation.id,
        template: 'ehcp-experience',
      })
      const analyst = await signedInAs(testApp.app, database.db, {
        organisationId: organisation.id,
        role: 'analyst',
      })
      await uploadAndSend(
        analyst,
        slug,
        'email,name\nhidden.person@example.org,Hidden Person\nsecond.person@example.org,\n',
      )
      const mail = await eventually(() => smtp.received.find((each) => each.to.includes('hidden.person')))
      const link = surveyLinkIn(mail.text) ?? ''
      expect(await answerThroughLink(testApp.app, { organisation: organisation.slug, slug }, link)).toBe(303)
      expect(await answeredAddresses(database.db)).toEqual(['hidden.person@example.org'])

      const [response] = await database.db.query<Record<string, unknown>>('SELECT * FROM responses')
      const [invitation] = await database.db.query<Record<string, unknown>>(
        `SELECT * FROM invitations WHERE email = 'hidden.person@example.org'`,
      )
      // The response holds nothing of the invitation, the invitation nothing of the response.
      const responseText = JSON.stringify(response)
      for (const value of Object.values(invitation ?? {}).filter(
        (value) => typeof value === 'string' && value.length > 8,
      ))
        if (![organisation.id, response?.survey_id].includes(value))
          expect(responseText).not.toContain(value as string)
      const token = /\/i\/([A-Za-z0-9_-]{43})/.exec(link)?.[1] ?? ''
      const log = testApp.logLines.join('\n')
      expect(log).toContain('response submitted')
      for (const secret of [
        token,
        'hidden.person',
        'Hidden Person',
        'second.person',
        String(response?.id),
        String(response?.reference),
      ])
        expect(log).not.toContain(secret)
    } finally {
      await stop()
      await smtp.close()
    }
  })
})
