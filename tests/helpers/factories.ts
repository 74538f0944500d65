import { randomUUID } from 'node:crypto'
import type { Queryable } from '../../server/db/database'
import type { SurveyDefinition } from '../../server/surveys/definitionSchema'
import {
  insertSurveyFromTemplate,
  insertSurveyVersion,
  type SurveyStatus,
} from '../../server/surveys/queries'
import { loadTemplate, type SurveyTemplate } from '../../server/surveys/templates'

export async function insertOrganisation(db: Queryable, slug = `org-${randomUUID().slice(0, 8)}`) {
  const id = randomUUID()
  await db.query('INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $3)', [
    id,
    slug,
    `Council ${slug}`,
  ])
  return { id, slug }
}

/** A survey from a template in surveys/ (or a template given whole), in an organisation. */
export async function insertSurvey(
  db: Queryable,
  options: {
    organisationId: string
    template: string | SurveyTemplate
    slug?: string
    status?: SurveyStatus
    closesAt?: Date
  },
) {
  const template = typeof options.template === 'string' ? loadTemplate(options.template) : options.template
  const slug = options.slug ?? template.definition.id
  const surveyId = await insertSurveyFromTemplate(db, {
    organisationId: options.organisationId,
    slug,
    template,
    status: options.status ?? 'open',
  })
  if (options.closesAt)
    await db.query('UPDATE surveys SET closes_at = $3 WHERE organisation_id = $1 AND id = $2', [
      options.organisationId,
      surveyId,
      options.closesAt,
    ])
  return { surveyId, slug }
}

export async function publishVersion(
  db: Queryable,
  options: {
    organisationId: string
    surveyId: string
    version: number
    template: SurveyTemplate
    definition?: Partial<SurveyDefinition>
  },
): Promise<void> {
  await insertSurveyVersion(db, {
    organisationId: options.organisationId,
    surveyId: options.surveyId,
    version: options.version,
    definition: { ...options.template.definition, ...options.definition },
    words: options.template.words,
  })
}

export async function countRows(db: Queryable, table: 'responses' | 'drafts' | 'sessions'): Promise<number> {
  const rows = await db.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${table}`)
  return rows[0]?.count ?? 0
}
