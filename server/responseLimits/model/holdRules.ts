/** Why a response was held for review rather than counted. */
export const holdReasons = ['too-fast', 'burst', 'repeated-answers'] as const
export type HoldReason = (typeof holdReasons)[number]

export const isHoldReason = (value: unknown): value is HoldReason =>
  holdReasons.some((reason) => reason === value)

/** The settings the rules read: config.responseLimits, from the RESPONSE_* environment variables. */
export interface LimitSettings {
  enabled: boolean
  startsPerWindow: number
  submitsPerWindow: number
  windowMinutes: number
  minSecondsPerQuestion: number
  /** Submits from one address (outside a group session) in burstSeconds before the next is held. */
  burstSubmits: number
  burstSeconds: number
  /** Copies of the same answers from one address in burstSeconds before the next copy is held. */
  repeatedAnswers: number
}

/** What this sender did just before this submit, from response_activity. */
export interface RecentSubmits {
  /** Submits outside any group session in the limit window. */
  inWindow: number
  /** The oldest of those, to say when the window has room again. */
  oldestInWindow: Date | null
  /** Submits outside any group session in the burst window. */
  inBurst: number
  /** Submits of exactly these answers in the burst window, in a group session or not. */
  sameAnswers: number
}

export interface SubmitFacts {
  now: Date
  startedAt: Date | null
  /** Pages the respondent was asked: every question of the version they answered. */
  questions: number
  /** The draft was started through a group session that is still open. */
  inGroupSession: boolean
  recent: RecentSubmits
}

export type SubmitJudgement =
  | { kind: 'too-many'; retryAfterSeconds: number }
  | { kind: 'count' }
  | { kind: 'hold'; reasons: HoldReason[] }

/** Seconds until the oldest event in the window leaves it, and so there is room for one more. */
export function secondsUntilRoom(oldest: Date | null, windowMinutes: number, now: Date): number {
  if (!oldest) return 1
  return Math.max(1, Math.ceil((oldest.getTime() + windowMinutes * 60_000 - now.getTime()) / 1000))
}

/**
 * Refused, held or counted. Over the submit limit is refused (the draft stays; sending later works).
 * Otherwise a response is held when it was finished faster than the pages can be read, when it is one
 * of more submits in a burst than a class sends, or when the same answers arrive again and again in a
 * burst. A group session lifts the limit and the burst rule, not the other two.
 */
export function judgeSubmit(facts: SubmitFacts, settings: LimitSettings): SubmitJudgement {
  const { recent } = facts
  if (!facts.inGroupSession && recent.inWindow >= settings.submitsPerWindow)
    return {
      kind: 'too-many',
      retryAfterSeconds: secondsUntilRoom(recent.oldestInWindow, settings.windowMinutes, facts.now),
    }
  const reasons: HoldReason[] = []
  const minimumSeconds = settings.minSecondsPerQuestion * facts.questions
  if (facts.startedAt && (facts.now.getTime() - facts.startedAt.getTime()) / 1000 < minimumSeconds)
    reasons.push('too-fast')
  if (!facts.inGroupSession && recent.inBurst >= settings.burstSubmits) reasons.push('burst')
  if (recent.sameAnswers >= settings.repeatedAnswers) reasons.push('repeated-answers')
  return reasons.length > 0 ? { kind: 'hold', reasons } : { kind: 'count' }
}
