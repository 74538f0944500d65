import type { Express } from 'express'
import type { Database } from '../../server/db/database'
import { ehcpAnswers } from '../helpers/ehcpAnswers'
import { Respondent } from '../helpers/respondent'

/** A contact following their email's link and sending a whole EHCP survey; returns the submit's status. */
export async function answerThroughLink(
  app: Express,
  survey: { organisation: string; slug: string },
  link: string,
) {
  const respondent = new Respondent(app, survey.organisation, survey.slug)
  const opened = await respondent.get(link)
  if (opened.status !== 303) throw new Error(`The link gave ${String(opened.status)}`)
  const started = await respondent.begin()
  if (started.status !== 303) throw new Error(`Starting gave ${String(started.status)}`)
  await respondent.answerAll(ehcpAnswers())
  return (await respondent.send()).status
}

/** Which contacts are marked answered, by address. */
export async function answeredAddresses(db: Database): Promise<string[]> {
  const rows = await db.query<{ email: string }>(
    'SELECT email FROM invitations WHERE answered ORDER BY email',
  )
  return rows.map((row) => row.email)
}
