import { z } from 'zod'
import { enteredMethods } from './collectionMethods'

/** Starting to type in a response: how its answers were given. */
export const dataEntrySchema = z.object({
  method: z.enum(enteredMethods, { error: 'device.dataEntry.errors.method' }),
})

export function dataEntryValues(body: unknown): { method: string } {
  const method = (body as Record<string, unknown> | undefined)?.method
  return { method: typeof method === 'string' ? method : '' }
}
