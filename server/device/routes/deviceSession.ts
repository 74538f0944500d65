import type { Request } from 'express'
import type { EnteredMethod } from '../model/collectionMethods'

interface SurveyRef {
  organisationId: string
  organisationSlug: string
  surveyId: string
  surveySlug: string
}

declare module 'express-session' {
  interface SessionData {
    /** This browser is a shared device of an open group session: nothing is kept for anyone. */
    sharedDevice?: SurveyRef & { code: string }
    /** An officer typing in a response to this survey (this draft), collected in this way. */
    dataEntry?: SurveyRef & { method: EnteredMethod; draftId: string }
  }
}

const params = (req: Request) => req.params as Record<string, string | undefined>

/** Whether a remembered survey is the one this request's URL names. */
export const isThisSurvey = (req: Request, survey: SurveyRef | undefined): boolean =>
  survey !== undefined &&
  params(req).organisation === survey.organisationSlug &&
  params(req).survey === survey.surveySlug
