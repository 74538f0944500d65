import { z } from 'zod'
import { roles } from './roles'

export const roleSchema = z.enum(roles, { error: 'errors.role.required' })

/** An email address as typed into any of our forms: required, at most 254 characters, well formed. */
export const emailField = z
  .string()
  .trim()
  .min(1, 'errors.email.required')
  .max(254, 'errors.email.invalid')
  .pipe(z.email('errors.email.invalid'))

export const inviteSchema = z.object({ email: emailField, role: roleSchema })

export const roleChangeSchema = z.object({ role: roleSchema })
