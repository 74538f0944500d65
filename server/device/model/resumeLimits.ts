/**
 * How often a link can be asked for: a few per draft (a typo, a second address), and a few more per
 * sender in an hour, so the form cannot be used to send email to strangers in bulk. They apply
 * whatever RESPONSE_LIMITS says, since they guard other people's inboxes, not the counts.
 */
export const resumeEmailLimits = { perDraft: 3, perSender: 10, windowMinutes: 60 } as const

export type ResumeEmailRefusal = 'draft' | 'sender'

/** Which limit, if any, the next request would go over. */
export function refuseResumeEmail(counts: { draft: number; sender: number }): ResumeEmailRefusal | undefined {
  if (counts.draft >= resumeEmailLimits.perDraft) return 'draft'
  if (counts.sender >= resumeEmailLimits.perSender) return 'sender'
  return undefined
}
