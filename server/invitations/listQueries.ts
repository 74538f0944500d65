import type { Queryable } from '../db/database'
import type { Contact, ContactProblem } from './contactsCsv'

interface SurveyKey {
  organisationId: string
  surveyId: string
}

export interface ContactList {
  id: string
  handle: string
  status: 'checked' | 'sending'
  problems: ContactProblem[]
  reminderDays: number[]
  uploadedAt: Date
  sentAt: Date | null
  contacts: number
  /** How many contacts each language has, for the previews. */
  languages: { language: string; contacts: number }[]
}

/** The lower-case addresses already invited to the survey, on any list. */
export async function listInvitedAddresses(db: Queryable, survey: SurveyKey): Promise<Set<string>> {
  const rows = await db.query<{ address: string }>(
    'SELECT lower(email) AS address FROM invitations WHERE organisation_id = $1 AND survey_id = $2',
    [survey.organisationId, survey.surveyId],
  )
  return new Set(rows.map((row) => row.address))
}

/** A survey has at most one list waiting to be sent: a new upload replaces it. */
export async function deleteUnsentLists(db: Queryable, survey: SurveyKey): Promise<void> {
  await db.query(
    `DELETE FROM contact_lists WHERE organisation_id = $1 AND survey_id = $2 AND status = 'checked'`,
    [survey.organisationId, survey.surveyId],
  )
}

export async function insertContactList(
  db: Queryable,
  list: SurveyKey & { id: string; handle: string; problems: ContactProblem[]; uploadedAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO contact_lists (organisation_id, id, handle, survey_id, status, problems, uploaded_at)
     VALUES ($1, $2, $3, $4, 'checked', $5, $6)`,
    [
      list.organisationId,
      list.id,
      list.handle,
      list.surveyId,
      JSON.stringify(list.problems),
      list.uploadedAt,
    ],
  )
}

/** All the list's contacts in one statement, from arrays: thousands of rows in well under a second. */
export async function insertContacts(
  db: Queryable,
  list: SurveyKey & { id: string },
  contacts: Contact[],
): Promise<void> {
  await db.query(
    `INSERT INTO invitations (organisation_id, id, list_id, survey_id, row_number, email, name, language, contact_group)
     SELECT $1, gen_random_uuid(), $2, $3, c.row_number, c.email, c.name, c.language, c.contact_group
       FROM unnest($4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
            AS c (row_number, email, name, language, contact_group)`,
    [
      list.organisationId,
      list.id,
      list.surveyId,
      contacts.map((contact) => contact.row),
      contacts.map((contact) => contact.email),
      contacts.map((contact) => contact.name),
      contacts.map((contact) => contact.language),
      contacts.map((contact) => contact.group),
    ],
  )
}

interface ContactListRow {
  id: string
  handle: string
  status: 'checked' | 'sending'
  problems: ContactProblem[]
  reminder_days: number[]
  uploaded_at: Date
  sent_at: Date | null
  languages: { language: string; contacts: number }[] | null
}

export async function findContactList(
  db: Queryable,
  survey: SurveyKey,
  handle: string,
): Promise<ContactList | undefined> {
  const rows = await db.query<ContactListRow>(
    `SELECT l.id, l.handle, l.status, l.problems, l.reminder_days, l.uploaded_at, l.sent_at,
            (SELECT json_agg(json_build_object('language', language, 'contacts', n) ORDER BY language)
               FROM (SELECT language, count(*)::int AS n FROM invitations
                      WHERE organisation_id = l.organisation_id AND list_id = l.id GROUP BY language) counted
            ) AS languages
       FROM contact_lists l
      WHERE l.organisation_id = $1 AND l.survey_id = $2 AND l.handle = $3`,
    [survey.organisationId, survey.surveyId, handle],
  )
  const row = rows[0]
  if (!row) return undefined
  const languages = row.languages ?? []
  return {
    id: row.id,
    handle: row.handle,
    status: row.status,
    problems: row.problems,
    reminderDays: row.reminder_days,
    uploadedAt: row.uploaded_at,
    sentAt: row.sent_at,
    languages,
    contacts: languages.reduce((total, each) => total + each.contacts, 0),
  }
}

/** The list's name and one contact of each language, to preview the email as that person gets it. */
export async function findPreviewContacts(
  db: Queryable,
  list: { organisationId: string; listId: string },
): Promise<{ language: string; name: string | null }[]> {
  return db.query(
    `SELECT DISTINCT ON (language) language, name FROM invitations
      WHERE organisation_id = $1 AND list_id = $2 ORDER BY language, row_number`,
    [list.organisationId, list.listId],
  )
}

export async function deleteContactList(db: Queryable, list: { organisationId: string; listId: string }) {
  await db.query(`DELETE FROM contact_lists WHERE organisation_id = $1 AND id = $2 AND status = 'checked'`, [
    list.organisationId,
    list.listId,
  ])
}
