import type { Request } from 'express'
import type { Clock } from '../../clock'
import { answersHashFor, clientKeyFor } from '../model/clientKey'
import type { LimitSettings } from '../model/holdRules'
import type { Sender } from '../store/screenSubmit'

/** What the respondent routes need to apply the limits: the time, the key for hashing, the settings. */
export interface ResponseLimits {
  clock: Clock
  /** The secret the client keys and answer hashes are made with (the session secret). */
  secret: string
  settings: LimitSettings
}

/** The sender of this request, as the limits of this organisation see them. */
export function senderFor(req: Request, limits: ResponseLimits, organisationId: string): Sender {
  return {
    clientKey: clientKeyFor(limits.secret, organisationId, req.ip ?? 'unknown'),
    hashAnswers: (answers) => answersHashFor(limits.secret, answers),
    settings: limits.settings,
  }
}
