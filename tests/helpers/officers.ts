import type { Express } from 'express'
import request from 'supertest'
import type { Queryable } from '../../server/db/database'
import { insertOfficer } from '../../server/officers/queries'
import type { Role } from '../../server/officers/roles'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { csrfTokenIn } from './respondent'

export type Agent = ReturnType<typeof request.agent>

export async function addOfficer(
  db: Queryable,
  organisationId: string,
  role: Role,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@council.example`,
) {
  const added = await insertOfficer(db, { organisationId, email, role })
  if (!added) throw new Error(`Could not add ${email}`)
  return { ...added, email, organisationId, role }
}

/** A browser signed in as the officer, through the real link page and button (the email itself is tested elsewhere). */
export async function signedInAgent(
  app: Express,
  db: Queryable,
  officer: { organisationId: string; id: string },
): Promise<Agent> {
  const agent = request.agent(app)
  const token = await createSignInLink(db, officer)
  const page = await agent.get(paths.signIn.link(token))
  const done = await agent
    .post(paths.signIn.linkAction)
    .type('form')
    .send({ token, _csrf: csrfTokenIn(page.text) })
  if (done.status !== 303) throw new Error(`Signing in gave ${done.status}`)
  return agent
}

/** Posts a form as a browser would: fetches the page first for its CSRF token. */
export async function postForm(
  agent: Agent,
  pagePath: string,
  action: string,
  fields: Record<string, string> = {},
) {
  const page = await agent.get(pagePath)
  return agent
    .post(action)
    .type('form')
    .send({ ...fields, _csrf: csrfTokenIn(page.text) })
}

/** A new officer with this role, already signed in. */
export async function signedInAs(
  app: Express,
  db: Queryable,
  officer: { organisationId: string; role: Role; email?: string },
): Promise<Agent> {
  return signedInAgent(app, db, await addOfficer(db, officer.organisationId, officer.role, officer.email))
}
