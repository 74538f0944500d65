import { paths } from '../../server/paths'
import { answerFor, type SurveyUnderTest } from '../bench/journey'
import { Latencies } from '../bench/latency'
import { VirtualRespondent } from '../bench/virtualRespondent'
import { pause } from './heardServer'

/** What the respondents saw during one case. */
export interface Sightings {
  confirmed: string[]
  /** Pages by status other than 200/303, e.g. 500 or 503, and requests that got no answer at all. */
  statuses: Map<string, number>
  /** Journeys that could not carry on with their draft after a fault. */
  draftsLost: number
  /** Steps repeated after a fault. */
  retries: number
}

const see = (sightings: Sightings, what: string) => {
  sightings.statuses.set(what, (sightings.statuses.get(what) ?? 0) + 1)
}

/** A status seen, "refused" when no connection could be made, or "cut" when a request got no answer. */
function classify(error: unknown): string {
  const status = /gave (\d{3})/.exec(error instanceof Error ? error.message : '')?.[1]
  if (status) return status
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined
  return cause?.code === 'ECONNREFUSED' ? 'refused' : `cut (${cause?.code ?? 'no code'})`
}

/**
 * Repeats one step (a page and the form on it) until it works, as a patient person would after an
 * error page: the same cookies, so the journey carries on with its draft. Gives up when told to stop.
 */
async function step(
  sightings: Sightings,
  running: () => boolean,
  work: () => Promise<void>,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await work()
      return true
    } catch (error) {
      see(sightings, classify(error))
      if (!running() || attempt > 160) return false
      sightings.retries++
      await pause(250)
    }
  }
}

/** One journey, start page to thank-you page, carrying on through faults. */
async function journey(target: SurveyUnderTest, sightings: Sightings, running: () => boolean): Promise<void> {
  const { organisation: org, survey } = target
  const person = new VirtualRespondent(target.baseUrl, new Latencies())
  const begun = await step(sightings, running, async () => {
    await person.page('start page', paths.respond.start(org, survey))
    await person.submit('start POST', paths.respond.begin(org, survey))
  })
  if (!begun) return
  for (const question of target.questions) {
    const path = paths.respond.question(org, survey, question.id)
    const answered = await step(sightings, running, async () => {
      await person.page('question GET', path)
      await person.submit('answer POST', path, answerFor(question))
    })
    if (!answered) {
      sightings.draftsLost++
      return
    }
  }
  let submitted = false
  const confirmed = await step(sightings, running, async () => {
    // After a fault during Send the response may be stored already: look for the thank-you page first.
    if (submitted) {
      const html = await person.page('confirmation', paths.respond.confirmation(org, survey)).catch(() => '')
      if (html.includes('heard-reference')) {
        sightings.confirmed.push(person.referenceIn(html))
        return
      }
    }
    await person.page('check answers', paths.respond.checkAnswers(org, survey))
    submitted = true
    await person.submit('submit POST', paths.respond.submit(org, survey))
    const html = await person.page('confirmation', paths.respond.confirmation(org, survey))
    sightings.confirmed.push(person.referenceIn(html))
  })
  if (!confirmed) sightings.draftsLost++
}

/** Respondents who each answer journey after journey until stopped; resolves when all have finished. */
export function driveRespondents(target: SurveyUnderTest, count: number) {
  const sightings: Sightings = { confirmed: [], statuses: new Map(), draftsLost: 0, retries: 0 }
  let running = true
  const isRunning = () => running
  const everyone = Promise.all(
    Array.from({ length: count }, async () => {
      while (running) await journey(target, sightings, isRunning)
    }),
  )
  return {
    sightings,
    /** Stops starting new journeys; journeys under way finish (or give up if the server is gone). */
    async finish() {
      running = false
      await everyone
    },
  }
}
