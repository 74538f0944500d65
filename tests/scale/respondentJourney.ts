import { paths } from '../../server/paths'
import type { QuestionDefinition } from '../../server/surveys/definitionSchema'
import { answerFor } from '../bench/journey'
import { csrfTokenOf, HttpBrowser } from './httpBrowser'

export interface ScaleSurvey {
  organisation: string
  survey: string
  questions: readonly QuestionDefinition[]
}

/** A respondent whose every request goes to the next server in turn, with one cookie jar. */
export class AlternatingRespondent {
  readonly browser: HttpBrowser
  token = ''
  /** Starts accepted (303) and refused (429), for the limit check. */
  constructor(
    baseUrls: string[],
    private readonly target: ScaleSurvey,
  ) {
    this.browser = new HttpBrowser(baseUrls)
  }

  async page(path: string): Promise<string> {
    const response = await this.browser.get(path)
    const html = await response.text()
    if (response.status !== 200) throw new Error(`GET ${path} gave ${response.status}`)
    this.token = csrfTokenOf(html) || this.token
    return html
  }

  async post(path: string, fields: [string, string][] = []): Promise<Response> {
    const response = await this.browser.post(path, Object.fromEntries([...fields, ['_csrf', this.token]]))
    await response.arrayBuffer()
    return response
  }

  async begin(): Promise<number> {
    const { organisation, survey } = this.target
    await this.page(paths.respond.start(organisation, survey))
    return (await this.post(paths.respond.begin(organisation, survey))).status
  }

  /** Answers every question (free text as given) and stops at check answers. */
  async answerAll(freeText?: string): Promise<void> {
    const { organisation, survey } = this.target
    for (const question of this.target.questions) {
      const path = paths.respond.question(organisation, survey, question.id)
      await this.page(path)
      const answer: [string, string][] =
        freeText !== undefined && question.type === 'free-text' ? [['answer', freeText]] : answerFor(question)
      const done = await this.post(path, answer)
      if (done.status !== 303) throw new Error(`Answering ${question.id} gave ${done.status}`)
    }
    await this.page(paths.respond.checkAnswers(organisation, survey))
  }

  submitPath(): string {
    return paths.respond.submit(this.target.organisation, this.target.survey)
  }

  async confirmation(): Promise<string> {
    return this.page(paths.respond.confirmation(this.target.organisation, this.target.survey))
  }
}
