import type { Request } from 'express'
import type { Database } from '../db/database'
import { NotFoundError } from '../errors'
import { availabilityOf } from '../surveys/availability'
import {
  findSurveyBySlugs,
  findSurveyVersion,
  type PublishedSurvey,
  type SurveyVersion,
} from '../surveys/queries'
import { wordsFor, type SurveyWords } from '../surveys/words'
import { builderPreviewVersion, rememberPreviewDraft } from '../surveyBuilder/routes/previewSession'
import { helpLinkFor } from '../safeguarding/help/helpPage'
import { organisationFooter } from '../privacy/footerLinks'
import { readDraftId, readSentReference } from './draftCookie'
import { keepToOfferedLanguages, offeredLanguages } from './offeredLanguages'
import { findDraft, findResponseReference, findResponseReferenceByDraft, type Draft } from './queries'

export interface SurveyContext {
  survey: PublishedSurvey
  /** This browser's live draft of the survey, if it has one. */
  draft: Draft | undefined
  /** A draft id this browser still holds whose draft is gone: expired, deleted, or sent. */
  goneDraftId: string | undefined
  version: SurveyVersion
  words: SurveyWords
  open: boolean
  /** An officer trying out a survey before it opens: everything works but nothing is sent. */
  preview: boolean
}

// Words of letters and digits joined by single hyphens, written with one repetition so that no input
// can make the match backtrack.
const slugPattern = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/

const param = (req: Request, name: string): string => {
  const value = (req.params as Record<string, string | undefined>)[name]
  if (!value || !slugPattern.test(value)) throw new NotFoundError(`Bad ${name} in URL`)
  return value
}

/**
 * The survey a respondent's URL names, with their draft and the version it was started on (the newest
 * version for a new respondent). Unknown or unpublished surveys are 404.
 */
export async function loadSurveyContext(db: Database, req: Request): Promise<SurveyContext> {
  const survey = await findSurveyBySlugs(db, param(req, 'organisation'), param(req, 'survey'))
  if (!survey) throw new NotFoundError('No such survey')
  const availability = availabilityOf(survey, new Date())
  // An officer previewing from the builder sees the survey's working copy, whatever its status.
  const builderPreview = await builderPreviewVersion(db, req, survey)
  // A survey not yet published is seen only by its own organisation's officers, as a preview.
  const preview = availability === 'not-published' || builderPreview !== undefined
  if (preview && req.session.officer?.organisationId !== survey.organisationId)
    throw new NotFoundError('Survey not published')
  const draftId = readDraftId(req)
  const found = draftId ? await findDraft(db, survey, draftId) : undefined
  if (builderPreview && found) await rememberPreviewDraft(db, req, survey, found)
  // A preview's draft outside its preview (the officer's session ended) is no draft at all: it must
  // never be carried on or sent as a respondent's answers.
  const draft = found?.preview && !builderPreview ? undefined : found
  const version = builderPreview ?? (await findSurveyVersion(db, survey, draft?.version))
  if (!version) throw new NotFoundError('No such survey version')
  keepToOfferedLanguages(req, offeredLanguages(version.definition, version.words))
  return {
    survey,
    draft,
    goneDraftId: draftId !== undefined && found === undefined ? draftId : undefined,
    version,
    words: wordsFor(version.words, req.language),
    open: availability === 'open' || preview,
    preview,
  }
}

/**
 * The reference of the response this browser's draft became, if it has been sent: found by the draft
 * id until the thank-you page is shown, and by the reference it showed after that.
 */
export async function loadSentReference(
  db: Database,
  req: Request,
  survey: PublishedSurvey,
): Promise<{ reference: string; byDraft: boolean } | undefined> {
  const draftId = readDraftId(req)
  const byDraft = draftId ? await findResponseReferenceByDraft(db, survey, draftId) : undefined
  if (byDraft) return { reference: byDraft, byDraft: true }
  // A browser that has started again after sending has a draft id, and that draft comes first.
  const shown = draftId ? undefined : readSentReference(req)
  const confirmed = shown ? await findResponseReference(db, survey, shown) : undefined
  return confirmed ? { reference: confirmed, byDraft: false } : undefined
}

export function surveyLocals(context: SurveyContext) {
  return {
    organisationName: context.survey.organisationName,
    easyRead: context.version.definition.easyRead,
    preview: context.preview,
    surveyTitle: context.words.title,
    helpLink: helpLinkFor(context.survey, context.version.definition.audience),
    organisationFooter: organisationFooter(context.survey.organisationSlug, {
      easyRead: context.version.definition.easyRead,
    }),
  }
}
