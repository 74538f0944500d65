import { z } from 'zod'
import { hasForbiddenCharacters } from '../../forms/brokenText'

// Text no form sends (NUL, half a surrogate pair) is refused before any route by the text guard;
// checked here as well, so this form never depends on where it is mounted.
const noteText = (requiredKey: string) =>
  z
    .string()
    .trim()
    .min(1, requiredKey)
    .max(5000, 'alerts.errors.noteTooLong')
    .refine((text) => !hasForbiddenCharacters(text), 'alerts.errors.noteInvalid')

/** What was done about an alert, in the officer's words. */
export const noteSchema = z.object({ note: noteText('alerts.errors.noteRequired') })

/** Closing an alert needs a closing note: what was done, or why nothing more needs doing. */
export const closeSchema = z.object({ closingNote: noteText('alerts.errors.closingNoteRequired') })
