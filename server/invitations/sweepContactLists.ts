import { recordAudit } from '../audit/recordAudit'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Database } from '../db/database'
import type { Logger } from '../logger'
import { deleteExpiredContactLists } from './sweepQueries'

/**
 * The 'contact-lists-sweep' job: contact lists are kept only while they are of use, until
 * CONTACT_LISTS_KEPT_DAYS after their survey closes. Each organisation's audit log gets the counts;
 * the log line only the total. Running it twice deletes nothing more.
 */
export async function sweepContactLists(deps: {
  db: Database
  config: Config
  logger: Logger
  clock: Clock
}): Promise<void> {
  const deleted = await deps.db.transaction(async (tx) => {
    const gone = await deleteExpiredContactLists(tx, {
      now: deps.clock(),
      keptDays: deps.config.invitations.keptDaysAfterClose,
    })
    for (const list of gone.filter((each) => each.contacts > 0))
      await recordAudit(tx, {
        organisationId: list.organisationId,
        officer: undefined,
        actor: 'retention',
        action: 'contacts-deleted',
        subject: list.slug,
        details: { contacts: list.contacts },
      })
    return gone
  })
  deps.logger.info(
    { contacts: deleted.reduce((total, list) => total + list.contacts, 0) },
    'contact lists sweep done',
  )
}
