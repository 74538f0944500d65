import type { Request } from 'express'
import { readUpload, type Upload } from '../forms/readUpload'

/** About 80,000 rows of a typical contacts file: more than one list takes (maxContactsPerList). */
export const maxContactsBytes = 5 * 1024 * 1024

export type ContactsUpload = Upload

/** The one file and the fields of the contacts form, read into memory. */
export const readContactsUpload = (req: Request): Promise<ContactsUpload> => readUpload(req, maxContactsBytes)
