import { z } from 'zod'

/**
 * The address to send the link to. Checked loosely (something@something.tld, no spaces), as GOV.UK
 * advises: the mail server is the real test, and a strict pattern turns away real addresses.
 */
export const resumeEmailSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { error: 'device.emailLink.errors.empty' })
    .max(254, { error: 'device.emailLink.errors.format' })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'device.emailLink.errors.format' }),
})

/** The address as typed, to show again: never stored, never logged. */
export function resumeEmailValues(body: unknown): { email: string } {
  const email = (body as Record<string, unknown> | undefined)?.email
  return { email: typeof email === 'string' ? email.slice(0, 300) : '' }
}
