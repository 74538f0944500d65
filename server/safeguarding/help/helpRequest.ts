import { createHmac } from 'node:crypto'
import type { Database } from '../../db/database'
import type { JobSender } from '../../jobs/jobQueue'
import type { HelpRequest } from './helpRequestForm'
import {
  claimFormKey,
  countRecentHelpRequests,
  deleteOldFormKeys,
  type FormKeyUse,
} from './helpRequestQueries'
import { raiseAlert } from '../alerts/raiseAlert'

/**
 * Help requests one client may send in an hour. A school's pupils often share one address, so the
 * address allows a class's worth; one browser allows a few (a young person may well write twice).
 * Past either, the form is shown again with Childline's number and nothing is lost.
 */
export const helpRequestLimits = { perAddress: 20, perBrowser: 5, windowMinutes: 60 } as const

const keyLifetimeMs = 24 * 60 * 60 * 1000

/** A keyed hash, so the stored key says nothing of the address or session it came from. */
export const clientKeyOf = (secret: string, kind: 'address' | 'browser', value: string): string =>
  createHmac('sha256', secret).update(`help-request:${kind}:${value}`).digest('hex')

export interface HelpRequestToSend {
  organisationId: string
  surveyId: string
  language: string
  /** Set only when the young person ticked that their answers may be seen and there are answers to see. */
  draftId: string | undefined
  request: HelpRequest
  formKey: string
  clientKey: string
  browserKey: string
}

export type HelpRequestOutcome = 'sent' | 'already-sent' | 'too-many'

class OverLimit extends Error {}

/**
 * Raises a help request, in one transaction with its alert, email rows and email job.
 *
 * Double clicks, a resent form and two tabs posting the same page: the form's one-time key is claimed
 * first, inside the transaction. A second post with the same key waits on the first's row, then finds
 * it taken and sends nothing ('already-sent'); the young person sees the same thank-you page either way.
 * Floods: past the hourly limits the transaction is rolled back, so the key stays free for a later try.
 */
export async function sendHelpRequest(
  deps: { db: Database; jobs: JobSender },
  toSend: HelpRequestToSend,
  now: Date,
): Promise<HelpRequestOutcome> {
  const use: FormKeyUse = {
    organisationId: toSend.organisationId,
    formKey: toSend.formKey,
    clientKey: toSend.clientKey,
    browserKey: toSend.browserKey,
    sentAt: now,
  }
  try {
    return await deps.db.transaction(async (tx) => {
      if (!(await claimFormKey(tx, use))) return 'already-sent'
      const since = new Date(now.getTime() - helpRequestLimits.windowMinutes * 60_000)
      const recent = await countRecentHelpRequests(tx, use, since)
      if (
        recent.fromClient >= helpRequestLimits.perAddress ||
        recent.fromBrowser >= helpRequestLimits.perBrowser
      )
        throw new OverLimit()
      await raiseAlert(
        tx,
        deps.jobs,
        {
          organisationId: toSend.organisationId,
          kind: 'help-request',
          surveyId: toSend.surveyId,
          language: toSend.language,
          draftId: toSend.draftId,
          reasons: [],
          helpRequest: { ...toSend.request, answersMayBeSeen: toSend.draftId !== undefined },
        },
        now,
      )
      await deleteOldFormKeys(tx, toSend.organisationId, new Date(now.getTime() - keyLifetimeMs))
      return 'sent'
    })
  } catch (error) {
    if (error instanceof OverLimit) return 'too-many'
    throw error
  }
}
