import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { clearDraftId } from '../../respond/draftCookie'
import type { PublishedSurvey, SurveyVersion } from '../../surveys/queries'
import { findBuilderSurvey } from '../store/builderQueries'
import { deletePreviewDrafts, markPreviewDraft } from '../store/previewQueries'

declare module 'express-session' {
  interface SessionData {
    /** An officer going through a survey's working copy as a respondent would; nothing is kept. */
    builderPreview?: { surveyId: string; easyRead: boolean; draftIds: string[] }
  }
}

/**
 * The working copy as the version a respondent's pages show, when this browser's officer is
 * previewing this survey from the builder; undefined otherwise. Its version number is the newest
 * published one, so the preview's draft row is valid; it is deleted when the preview ends.
 */
export async function builderPreviewVersion(
  db: Database,
  req: Request,
  survey: PublishedSurvey,
): Promise<SurveyVersion | undefined> {
  const preview = req.session.builderPreview
  if (preview?.surveyId !== survey.surveyId || req.session.officer?.organisationId !== survey.organisationId)
    return undefined
  const built = await findBuilderSurvey(db, survey.organisationId, survey.slug)
  if (!built) return undefined
  const { definition, words } = built.copy
  return {
    version: built.version,
    definition: { ...definition, easyRead: definition.easyRead || preview.easyRead },
    words,
  }
}

/**
 * Remembers a preview's draft, so ending the preview deletes it, and marks it in the database, so
 * that if the session ends first the draft is never carried on as a respondent's.
 */
export async function rememberPreviewDraft(
  db: Database,
  req: Request,
  survey: { organisationId: string; surveyId: string },
  draft: { id: string; preview: boolean },
): Promise<void> {
  const preview = req.session.builderPreview
  if (preview && !preview.draftIds.includes(draft.id)) preview.draftIds.push(draft.id)
  if (!draft.preview) await markPreviewDraft(db, survey, draft.id)
}

/**
 * Ends a preview: its drafts deleted, the draft cookie cleared and the session forgets it. Called when
 * the preview's answers are "sent", when the officer stops it, and before a new preview starts.
 */
export async function endPreview(
  db: Database,
  req: Request,
  res: Response,
  survey: { organisationId: string; organisationSlug: string; surveyId: string; slug: string },
  draftId?: string,
): Promise<void> {
  const kept =
    req.session.builderPreview?.surveyId === survey.surveyId ? req.session.builderPreview.draftIds : []
  await deletePreviewDrafts(db, survey, [...kept, ...(draftId ? [draftId] : [])])
  clearDraftId(res, survey)
  if (req.session.builderPreview?.surveyId === survey.surveyId) delete req.session.builderPreview
}
