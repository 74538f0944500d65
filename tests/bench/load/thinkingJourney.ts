import { paths } from '../../../server/paths'
import { answerFor, type SurveyUnderTest } from '../journey'
import type { Latencies } from '../latency'
import { VirtualRespondent } from '../virtualRespondent'

const pause = (ms: number) =>
  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms * (0.5 + Math.random()))) : Promise.resolve()

/**
 * One journey, start page to confirmation, like respondOnce in journey.ts, with a pause before each
 * request (on average thinkMs, spread from half to one and a half times it) standing for a person
 * reading and choosing. With thinkMs 0 every respondent asks again the moment an answer arrives.
 */
export async function respondThinking(
  target: SurveyUnderTest,
  latencies: Latencies,
  thinkMs: number,
): Promise<string> {
  const { organisation, survey } = target
  const respondent = new VirtualRespondent(target.baseUrl, latencies)
  await respondent.page('start page', paths.respond.start(organisation, survey))
  await pause(thinkMs)
  await respondent.submit('start POST', paths.respond.begin(organisation, survey))
  for (const question of target.questions) {
    const path = paths.respond.question(organisation, survey, question.id)
    await respondent.page('question GET', path)
    await pause(thinkMs)
    await respondent.submit('answer POST', path, answerFor(question))
  }
  await respondent.page('check answers', paths.respond.checkAnswers(organisation, survey))
  await pause(thinkMs)
  await respondent.submit('submit POST', paths.respond.submit(organisation, survey))
  return respondent.referenceIn(
    await respondent.page('confirmation', paths.respond.confirmation(organisation, survey)),
  )
}
