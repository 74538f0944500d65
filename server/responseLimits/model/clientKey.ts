import { createHmac } from 'node:crypto'

/**
 * Who is sending, for the limits: a keyed hash of the address with the organisation, never the
 * address itself. Keyed, so a leaked table cannot be reversed by hashing every address; with the
 * organisation, so one organisation's keys say nothing about another's. What counts as the address
 * is Express's req.ip, which TRUST_PROXY decides.
 */
export function clientKeyFor(secret: string, organisationId: string, address: string): string {
  return createHmac('sha256', secret).update(`client:${organisationId}:${address}`).digest('hex').slice(0, 32)
}

/**
 * The same answers sent again, as a keyed hash: kept with the sender's activity for a day to see
 * copies in a burst, and keyed so that a short list of choices cannot be read back by guessing.
 */
export function answersHashFor(secret: string, answers: Record<string, unknown>): string {
  return createHmac('sha256', secret)
    .update(`answers:${JSON.stringify(answers)}`)
    .digest('hex')
    .slice(0, 32)
}
