import { createHash } from 'node:crypto'
import { Respondent } from '../helpers/respondent'
import { ehcpAnswers } from '../helpers/ehcpAnswers'
import { useSurveyApp } from '../helpers/surveyApp'

const heard = useSurveyApp(['ehcp-experience'])

const answers = ehcpAnswers({ improve: 'More time with the teacher' })

const cookieValue = (cookies: string[], name: string) =>
  cookies
    .find((cookie) => cookie.startsWith(`${name}=`))
    ?.split(';')[0]
    ?.slice(name.length + 1)

const setCookies = (response: { headers: Record<string, unknown> }) =>
  (response.headers['set-cookie'] as string[] | undefined) ?? []

const londonToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London', dateStyle: 'short' }).format(new Date())

async function sendOne() {
  const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
  const begun = await respondent.begin()
  const draftId = cookieValue(setCookies(begun), 'heard.draft') ?? ''
  await respondent.answerAll(answers)
  await respondent.send()
  return { respondent, draftId }
}

describe('a sent response keeps only what is needed', () => {
  it('keeps the day it was sent and a hash of the draft id, never the draft id itself', async () => {
    const { draftId } = await sendOne()
    expect(draftId).toMatch(/^[0-9a-f-]{36}$/)
    const rows = await heard.database.db.query<{ draft_id: string; day: string; row: string }>(
      `SELECT draft_id, submitted_at::text AS day, row_to_json(r)::text AS row FROM responses r
        WHERE answers ->> 'improve' = 'More time with the teacher'`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.draft_id).toBe(createHash('sha256').update(draftId).digest('hex'))
    expect(rows[0]?.day).toBe(londonToday())
    expect(rows[0]?.row).not.toContain(draftId)
    expect(rows[0]?.row).not.toMatch(/\d{2}:\d{2}:\d{2}/)
  })

  it('orders responses of one day by the order they were sent', async () => {
    await sendOne()
    await sendOne()
    const rows = await heard.database.db.query<{ submitted_seq: number }>(
      `SELECT submitted_seq FROM responses ORDER BY submitted_at, submitted_seq`,
    )
    const numbers = rows.map((row) => row.submitted_seq)
    expect(new Set(numbers).size).toBe(numbers.length)
  })

  it('forgets the draft cookie once the thank-you page has been shown, and still shows it again', async () => {
    const { respondent } = await sendOne()
    const first = await respondent.confirmation()
    expect(first.status).toBe(200)
    const cleared = setCookies(first).find((cookie) => cookie.startsWith('heard.draft='))
    expect(cleared).toMatch(/heard\.draft=;/)
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/)
    const again = await respondent.confirmation()
    expect(again.status).toBe(200)
    expect(again.text).toContain('heard-reference')
    expect(setCookies(again).some((cookie) => cookie.startsWith('heard.draft='))).toBe(false)
  })
})
