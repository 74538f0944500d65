import type { Translate } from '../../i18n/translator'

/** From starting to sending, for an officer deciding whether a person could have read the pages. */
export function timeTakenText(startedAt: Date | null, sentAt: Date, t: Translate): string {
  if (!startedAt) return t('responseLimits.held.unknownTime')
  const seconds = Math.max(0, Math.round((sentAt.getTime() - startedAt.getTime()) / 1000))
  if (seconds < 120) return t('responseLimits.held.seconds', { seconds })
  return t('responseLimits.held.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })
}
