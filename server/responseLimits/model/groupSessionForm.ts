import { z } from 'zod'
import { idleMinutes } from '../../device/model/sharedDeviceForm'
import { groupSessionHours } from './groupCode'

/** Opening a group session: an optional name a class will recognise, and how many hours it stays open. */
export const groupSessionSchema = z.object({
  label: z
    .string()
    .trim()
    .max(100, { error: 'responseLimits.groupSessions.errors.labelTooLong' })
    .transform((label) => (label === '' ? null : label)),
  hours: z
    .string()
    .regex(/^\d{1,2}$/, { error: 'responseLimits.groupSessions.errors.hours' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: 'responseLimits.groupSessions.errors.hours' })
        .max(groupSessionHours.max, { error: 'responseLimits.groupSessions.errors.hours' }),
    ),
  // On shared devices (a kiosk, tablets passed round): no draft is kept, and an idle device resets.
  sharedDevices: z
    .enum(['', 'yes'], { error: 'device.sharedDevices.errors.choice' })
    .transform((value) => value === 'yes'),
  idleMinutes: z
    .string()
    .regex(/^\d{1,2}$/, { error: 'device.sharedDevices.errors.idleMinutes' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(idleMinutes.min, { error: 'device.sharedDevices.errors.idleMinutes' })
        .max(idleMinutes.max, { error: 'device.sharedDevices.errors.idleMinutes' }),
    ),
})

export type GroupSessionValues = { label: string; hours: string; sharedDevices: string; idleMinutes: string }

/** The form's fields as typed, for showing them again; anything not text is shown as empty. */
export function groupSessionValues(body: unknown): GroupSessionValues {
  const fields = (body ?? {}) as Record<string, unknown>
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return {
    label: text(fields.label),
    hours: text(fields.hours),
    sharedDevices: text(fields.sharedDevices),
    // An older form without the field opens a session as before.
    idleMinutes: fields.idleMinutes === undefined ? String(idleMinutes.default) : text(fields.idleMinutes),
  }
}
