import type { Database } from '../../server/db/database'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import type { startSmtpServer } from '../helpers/smtpServer'
import { csrfTokenOf, HttpBrowser } from './httpBrowser'
import { AlternatingRespondent, type ScaleSurvey } from './respondentJourney'

export interface ScaleRun {
  db: Database
  baseUrls: [string, string]
  survey: ScaleSurvey
  organisationId: string
  officer: { organisationId: string; id: string }
  smtp: Awaited<ReturnType<typeof startSmtpServer>>
  /** RESPONSE_STARTS_PER_WINDOW given to both servers. */
  startsPerWindow: number
}

export type Check = (run: ScaleRun, tally: StartTally) => Promise<string>

/** Starts accepted from this machine's address so far, across both servers and every check. */
export interface StartTally {
  accepted: number
}

export class CheckFailed extends Error {}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new CheckFailed(message)
}

const countStored = async (db: Database) =>
  (
    await db.query<{ count: number }>(
      'SELECT (SELECT count(*) FROM responses)::integer + (SELECT count(*) FROM held_responses)::integer AS count',
    )
  )[0]?.count ?? 0

async function begun(run: ScaleRun, tally: StartTally): Promise<AlternatingRespondent> {
  const respondent = new AlternatingRespondent(run.baseUrls, run.survey)
  const status = await respondent.begin()
  expect(status === 303, `starting gave ${status}`)
  tally.accepted += 1
  return respondent
}

/** Whole journeys, every request to the other server: sessions (drafts) and CSRF tokens hold across both. */
export const journeysAcrossServers: Check = async (run, tally) => {
  const before = await countStored(run.db)
  const journeys = 4
  for (let index = 0; index < journeys; index += 1) {
    const respondent = await begun(run, tally)
    await respondent.answerAll()
    const sent = await respondent.post(respondent.submitPath())
    expect(sent.status === 303, `sending gave ${sent.status}`)
    const thanks = await respondent.confirmation()
    expect(/[A-Z0-9]{4}-[A-Z0-9]{4}/.test(thanks), 'the thank-you page shows no reference')
  }
  const stored = (await countStored(run.db)) - before
  expect(stored === journeys, `${journeys} journeys stored ${stored} responses`)
  return `${journeys} respondent journeys, alternating servers on every request, stored ${stored} responses`
}

/** A form posted without its token is refused by either server; with a token from the other server it is taken. */
export const csrfAcrossServers: Check = async (run) => {
  const [first, second] = run.baseUrls
  const browser = new HttpBrowser([first])
  const page = await browser.get(paths.respond.start(run.survey.organisation, run.survey.survey))
  const token = csrfTokenOf(await page.text())
  const begin = paths.respond.begin(run.survey.organisation, run.survey.survey)
  for (const base of run.baseUrls) {
    const refused = await browser.post(begin, {}, base)
    await refused.arrayBuffer()
    expect(refused.status === 403, `a POST without a token to ${base} gave ${refused.status}`)
  }
  const wrong = await browser.post(begin, { _csrf: `${token}x` }, second)
  await wrong.arrayBuffer()
  expect(wrong.status === 403, `a POST with a wrong token gave ${wrong.status}`)
  return 'a POST without a CSRF token, or with a wrong one, gets 403 from either server'
}

/** Signed in through one server (link page on one, button on the other), the officer browses /manage on both. */
export const officerAcrossServers: Check = async (run) => {
  const officer = new HttpBrowser(run.baseUrls)
  await officer.signInWith(await createSignInLink(run.db, run.officer))
  const pages = [paths.manage.surveys, paths.manage.results(run.survey.survey), paths.manage.scorecards]
  let html = ''
  for (const path of pages)
    for (const base of run.baseUrls) {
      const response = await officer.get(path, base)
      html = await response.text()
      expect(response.status === 200, `${path} on ${base} gave ${response.status}`)
    }
  // Signing out on one server ends the session on both.
  const out = await officer.post(paths.signIn.signOut, { _csrf: csrfTokenOf(html) }, run.baseUrls[1])
  await out.arrayBuffer()
  expect(out.status === 303, `signing out gave ${out.status}`)
  for (const base of run.baseUrls) {
    const after = await officer.get(paths.manage.surveys, base)
    await after.arrayBuffer()
    expect(after.status === 303, `after signing out, /manage on ${base} gave ${after.status}`)
  }
  return `an officer signed in across both servers and browsed ${pages.length} /manage pages on each; signing out on one ended the session on both`
}

/** The same send, posted to both servers at once, stores one response. */
export const exactlyOnceSubmit: Check = async (run, tally) => {
  const before = await countStored(run.db)
  const rounds = 5
  for (let round = 0; round < rounds; round += 1) {
    const respondent = await begun(run, tally)
    await respondent.answerAll()
    const fields = { _csrf: respondent.token }
    const sent = await Promise.all(
      run.baseUrls.map(async (base) => {
        const response = await respondent.browser.post(respondent.submitPath(), fields, base)
        await response.arrayBuffer()
        return response.status
      }),
    )
    expect(
      sent.every((status) => status === 303),
      `the two sends gave ${sent.join(' and ')}`,
    )
  }
  const stored = (await countStored(run.db)) - before
  expect(stored === rounds, `${rounds} sends, each posted to both servers at once, stored ${stored}`)
  return `${rounds} sends, each posted to both servers at the same moment, stored ${stored} responses (one each)`
}

/** A safeguarding alert raised through one server, with both servers working jobs, is emailed once. */
export const alertEmailedOnce: Check = async (run, tally) => {
  const respondent = await begun(run, tally)
  await respondent.answerAll('My stepdad hits me and I am scared to go home')
  const sent = await respondent.post(respondent.submitPath())
  expect(sent.status === 303, `sending gave ${sent.status}`)
  const waitUntil = Date.now() + 30_000
  while (run.smtp.received.length === 0 && Date.now() < waitUntil)
    await new Promise((resolve) => setTimeout(resolve, 200))
  expect(run.smtp.received.length > 0, 'no alert email arrived within 30 s')
  // Both workers poll every half second: give each several chances to send it again.
  await new Promise((resolve) => setTimeout(resolve, 4000))
  const alerts = run.smtp.received.filter((mail) => mail.subject === 'Safeguarding alert')
  expect(alerts.length === 1, `the alert was emailed ${alerts.length} times`)
  return 'a safeguarding alert raised through one server was emailed exactly once, with both servers working jobs'
}

/** RESPONSE_STARTS_PER_WINDOW holds for the two servers together, not for each. */
export const startLimitAcrossServers: Check = async (run, tally) => {
  let refused = 0
  for (let attempt = 0; attempt < run.startsPerWindow * 2 + 2 && refused < 2; attempt += 1) {
    // Half begin on each server, so each is seen to refuse.
    const order: [string, string] = attempt % 2 === 0 ? run.baseUrls : [run.baseUrls[1], run.baseUrls[0]]
    const respondent = new AlternatingRespondent(order, run.survey)
    const status = await respondent.begin()
    if (status === 303) tally.accepted += 1
    else if (status === 429) refused += 1
    else throw new CheckFailed(`starting gave ${status}`)
  }
  expect(refused === 2, 'no start was refused')
  expect(
    tally.accepted === run.startsPerWindow,
    `${tally.accepted} starts were taken with a limit of ${run.startsPerWindow} for both servers`,
  )
  return `starts from one address: ${tally.accepted} taken across both servers with a limit of ${run.startsPerWindow}, then 429 from each`
}
