import type { Queryable } from '../db/database'
import { fillEmptyLocalHelp, makeSafeguardingContact } from './demoQueries'

/** Made-up local help for the demo's signposting: names and numbers that reach nobody. */
export const demoLocalHelp = [
  {
    name: 'Demo Council SENDIASS',
    phone: '01632 960001',
    email: 'sendiass@demo-council.example',
    website: 'https://demo-council.example/sendiass',
    description:
      'Free, impartial advice about special educational needs and disabilities, for young people and families.',
  },
  {
    name: 'Demo Council children’s services front door',
    phone: '01632 960002',
    email: 'front.door@demo-council.example',
    website: 'https://demo-council.example/worried-about-a-child',
    description:
      'If you are worried about a child or young person, tell us. Out of hours, ring 01632 960003.',
  },
]

/**
 * The demo's safeguarding: its admin is the safeguarding contact, so an alert raised on `npm start`
 * is emailed (to the outbox folder) and can be read and acted on by signing in as the admin.
 */
export async function seedDemoSafeguarding(
  tx: Queryable,
  organisation: { id: string; adminId: string },
): Promise<void> {
  await makeSafeguardingContact(tx, { organisationId: organisation.id, id: organisation.adminId })
  await fillEmptyLocalHelp(tx, organisation.id, demoLocalHelp)
}
