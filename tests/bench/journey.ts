import { paths } from '../../server/paths'
import type { QuestionDefinition } from '../../server/surveys/definitionSchema'
import { questionTypeFor } from '../../server/surveys/questionTypes/registry'
import type { Latencies } from './latency'
import { VirtualRespondent } from './virtualRespondent'

export interface SurveyUnderTest {
  baseUrl: string
  organisation: string
  survey: string
  questions: readonly QuestionDefinition[]
}

/** A valid answer to any question: a random option, or a sentence for free text. */
export function answerFor(question: QuestionDefinition): [string, string][] {
  const values = questionTypeFor(question).values(question)
  if (values.length === 0) return [['answer', 'More clubs after school and a quiet room to go to.']]
  return [['answer', values[Math.floor(Math.random() * values.length)] ?? '']]
}

/** Opens the start page and presses Start: the respondent now has a draft and is on the first question. */
export async function begin(target: SurveyUnderTest, latencies: Latencies): Promise<VirtualRespondent> {
  const { organisation, survey } = target
  const respondent = new VirtualRespondent(target.baseUrl, latencies)
  await respondent.page('start page', paths.respond.start(organisation, survey))
  await respondent.submit('start POST', paths.respond.begin(organisation, survey))
  return respondent
}

/** One new respondent's whole journey, start page to confirmation; returns the reference shown. */
export async function respondOnce(target: SurveyUnderTest, latencies: Latencies): Promise<string> {
  const { organisation, survey } = target
  const respondent = await begin(target, latencies)
  for (const question of target.questions) {
    const path = paths.respond.question(organisation, survey, question.id)
    await respondent.page('question GET', path)
    await respondent.submit('answer POST', path, answerFor(question))
  }
  await respondent.page('check answers', paths.respond.checkAnswers(organisation, survey))
  await respondent.submit('submit POST', paths.respond.submit(organisation, survey))
  return respondent.referenceIn(
    await respondent.page('confirmation', paths.respond.confirmation(organisation, survey)),
  )
}
