import type { Request, Response } from 'express'
import { z } from 'zod'
import { recordAudit } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { paths } from '../paths'
import { postedFields } from '../forms/postedFields'
import { updateSafeguardingContact, type Officer } from './queries'
import { signedInOfficer } from './setUpOfficerArea'

const contactSchema = z.object({ contact: z.enum(['yes', 'no']) })

type RenderOfficer = (req: Request, res: Response, target: Officer, error?: string, field?: string) => void

/** An admin names another admin (or themself) as a safeguarding contact, or stops it; audited. */
export function changeSafeguardingContact(
  db: Database,
  load: (req: Request) => Promise<Officer>,
  render: RenderOfficer,
) {
  return async (req: Request, res: Response) => {
    const admin = signedInOfficer(req)
    const target = await load(req)
    const parsed = contactSchema.safeParse(postedFields(req.body, ['contact']))
    if (!parsed.success) {
      render(req, res, target, 'alerts.officers.contactInvalid', 'contact')
      return
    }
    const contact = parsed.data.contact === 'yes'
    if (!(await updateSafeguardingContact(db, target, contact))) {
      render(req, res, target, 'alerts.officers.onlyAdmins', 'contact')
      return
    }
    if (contact !== target.safeguardingContact)
      await recordAudit(db, {
        organisationId: admin.organisationId,
        officer: admin,
        action: 'safeguarding-contact-changed',
        subject: target.email,
        details: { contact },
      })
    res.redirect(303, paths.manage.officers)
  }
}
