import type { Express } from 'express'
import request from 'supertest'
import { paths } from '../../server/paths'

type Agent = ReturnType<typeof request.agent>
export type PostedAnswer = string | string[]

export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('No CSRF token on the page')
  return match[1]
}

/** A browser working through a survey: keeps its cookies and posts the page's CSRF token like a form. */
export class Respondent {
  readonly agent: Agent
  private token = ''

  constructor(
    app: Express,
    readonly organisation: string,
    readonly survey: string,
  ) {
    this.agent = request.agent(app)
  }

  get startPath(): string {
    return paths.respond.start(this.organisation, this.survey)
  }

  questionPath(questionId: string): string {
    return paths.respond.question(this.organisation, this.survey, questionId)
  }

  async get(path: string) {
    const response = await this.agent.get(path)
    if (response.text.includes('name="_csrf"')) this.token = csrfTokenIn(response.text)
    return response
  }

  async post(path: string, fields: Record<string, PostedAnswer> = {}) {
    return this.agent
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: this.token })
  }

  /** Opens the start page and presses start; returns the response to pressing it (a redirect). */
  async begin(language?: string) {
    await this.get(language ? `${this.startPath}?lang=${language}` : this.startPath)
    return this.post(paths.respond.begin(this.organisation, this.survey))
  }

  async answer(questionId: string, value: PostedAnswer | undefined) {
    await this.get(this.questionPath(questionId))
    return this.post(this.questionPath(questionId), value === undefined ? {} : { answer: value })
  }

  async answerAll(answers: Record<string, PostedAnswer | undefined>) {
    for (const [questionId, value] of Object.entries(answers)) {
      const response = await this.answer(questionId, value)
      if (response.status !== 303) throw new Error(`Answering ${questionId} gave ${response.status}`)
    }
  }

  async send() {
    await this.get(paths.respond.checkAnswers(this.organisation, this.survey))
    return this.post(paths.respond.submit(this.organisation, this.survey))
  }

  async confirmation() {
    return this.agent.get(paths.respond.confirmation(this.organisation, this.survey))
  }
}

export const referenceIn = (html: string): string | undefined =>
  /class="heard-reference">([A-Z0-9-]+)</.exec(html)?.[1]
