import type { Express } from 'express'
import request from 'supertest'
import { loadConfig, type Config } from '../../server/config'
import type { Queryable } from '../../server/db/database'
import { paths } from '../../server/paths'
import { csrfTokenIn, type PostedAnswer } from '../helpers/respondent'

/** The time the app sees, moved on by the test: frozen between steps, so nothing depends on real speed. */
export class FakeClock {
  private time: number

  constructor(start = new Date()) {
    this.time = start.getTime()
  }

  readonly clock = (): Date => new Date(this.time)

  advance(seconds: number): void {
    this.time += seconds * 1000
  }

  set(date: Date): void {
    this.time = date.getTime()
  }
}

/** The default limits (as a server without settings has them), switched on, with any changes given. */
export function limitsOn(changes: Partial<Config['responseLimits']> = {}): Config['responseLimits'] {
  return { ...loadConfig({ NODE_ENV: 'test' }).responseLimits, enabled: true, ...changes }
}

/** Test apps see every request from 127.0.0.1; behind a trusted proxy, each browser says its own address. */
export const limitsConfig = (changes: Partial<Config['responseLimits']> = {}): Partial<Config> => ({
  trustProxy: true,
  responseLimits: limitsOn(changes),
})

/**
 * One browser (its own cookie jar) at one address, answering a survey page by page with the page's
 * CSRF token, as a person or a script would. `tick` runs before every request, to move the clock.
 */
export class Browser {
  readonly agent: ReturnType<typeof request.agent>
  private token = ''
  private groupField: string | undefined

  constructor(
    app: Express,
    private readonly survey: { organisation: string; slug: string },
    private readonly address: string,
    private readonly tick: () => void = () => undefined,
  ) {
    this.agent = request.agent(app)
  }

  get startPath(): string {
    return paths.respond.start(this.survey.organisation, this.survey.slug)
  }

  questionPath(questionId: string): string {
    return paths.respond.question(this.survey.organisation, this.survey.slug, questionId)
  }

  async get(path: string) {
    this.tick()
    const response = await this.agent.get(path).set('X-Forwarded-For', this.address)
    if (response.text.includes('name="_csrf"')) this.token = csrfTokenIn(response.text)
    this.groupField = /name="group" value="([A-Z0-9]+)"/.exec(response.text)?.[1]
    return response
  }

  async post(path: string, fields: Record<string, PostedAnswer> = {}) {
    this.tick()
    return this.agent
      .post(path)
      .set('X-Forwarded-For', this.address)
      .type('form')
      .send({ ...fields, _csrf: this.token })
  }

  /** Opens the start page (with a query such as ?group=CODE) and presses the start button. */
  async start(query = '') {
    await this.get(`${this.startPath}${query}`)
    const group = this.groupField
    return this.post(paths.respond.begin(this.survey.organisation, this.survey.slug), group ? { group } : {})
  }

  async answer(questionId: string, value: PostedAnswer | undefined) {
    await this.get(this.questionPath(questionId))
    return this.post(this.questionPath(questionId), value === undefined ? {} : { answer: value })
  }

  async send() {
    await this.get(paths.respond.checkAnswers(this.survey.organisation, this.survey.slug))
    return this.post(paths.respond.submit(this.survey.organisation, this.survey.slug))
  }

  async reference(): Promise<string | undefined> {
    const page = await this.agent.get(paths.respond.confirmation(this.survey.organisation, this.survey.slug))
    return /class="heard-reference">([A-Z0-9-]+)</.exec(page.text)?.[1]
  }
}

/** Answers to "What I need" a young person could give; `variant` picks one of many different sets. */
export function whatINeedAnswers(variant: number): Record<string, PostedAnswer | undefined> {
  const ratings = ['very-important', 'important', 'not-important', 'dont-know']
  const pick = (shift: number) =>
    ratings[(variant + shift * (1 + (variant % 3))) % ratings.length] ?? 'important'
  return {
    'listened-to': pick(0),
    healthiest: pick(1),
    safe: pick(2),
    'accepted-valued': pick(3),
    'prepared-future': pick(4),
    'enjoy-life': pick(5),
    'life-better': variant % 4 === 0 ? `More time outside, number ${String(variant)}` : undefined,
    'age-group': ['8-11', '12-15'][variant % 2],
    helper: ['no', 'school', 'parent-carer'][variant % 3],
  }
}

export async function countIn(
  db: Queryable,
  table: 'responses' | 'held_responses' | 'drafts' | 'response_activity' | 'audit_events',
): Promise<number> {
  const [row] = await db.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${table}`)
  return row?.count ?? 0
}
