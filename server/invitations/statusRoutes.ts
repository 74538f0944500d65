import type { Request, Response } from 'express'
import type { Database } from '../db/database'
import { formatDate } from '../i18n/formatDate'
import { isLanguageCode } from '../i18n/languages'
import { signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import { wordsFor } from '../surveys/words'
import {
  countAnsweredByGroup,
  countInvitationStates,
  invitationStates,
  listContactLists,
  listInvitations,
} from './statusQueries'

const pageSize = 100

const percent = (part: number, whole: number) => (whole === 0 ? undefined : Math.round((part / whole) * 100))

/** A survey's invitations: lists, each invitation's state, and the response rate by group. */
export const statusPage = (db: Database) => async (req: Request, res: Response) => {
  const survey = await loadManagedSurvey(db, req)
  const key = { organisationId: signedInOfficer(req).organisationId, surveyId: survey.surveyId }
  const requested = Number(req.query.page)
  const page = Number.isInteger(requested) && requested > 1 && requested < 10_000 ? requested : 1
  const [counts, groups, invitations, lists] = await Promise.all([
    countInvitationStates(db, key),
    countAnsweredByGroup(db, key),
    listInvitations(db, key, { offset: (page - 1) * pageSize, limit: pageSize + 1 }),
    listContactLists(db, key),
  ])
  const language = isLanguageCode(req.language) ? req.language : 'en'
  const total = invitationStates.reduce((sum, state) => sum + counts[state], 0)
  res.render('manage/invitations/status', {
    pageTitle: req.t('invitations.status.title'),
    surveyTitle: wordsFor(survey.words, req.language).title,
    states: invitationStates.map((state) => ({ state, count: counts[state] })),
    total,
    groups: groups.map((group) => ({ ...group, rate: percent(group.answered, group.invited) })),
    invitations: invitations.slice(0, pageSize),
    lists: lists.map((list) => ({
      ...list,
      uploadedOn: formatDate(list.uploadedAt, language),
      href: paths.manage.contactList(survey.slug, list.handle),
    })),
    previousHref: page > 1 ? `${paths.manage.invitations(survey.slug)}?page=${String(page - 1)}` : undefined,
    nextHref:
      invitations.length > pageSize
        ? `${paths.manage.invitations(survey.slug)}?page=${String(page + 1)}`
        : undefined,
    uploadHref: paths.manage.invitationsUpload(survey.slug),
    backHref: paths.manage.survey(survey.slug),
  })
}
