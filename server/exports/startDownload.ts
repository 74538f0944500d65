import type { Request, Response } from 'express'
import { recordAudit, type AuditFields } from '../audit/recordAudit'
import type { Database } from '../db/database'
import { signedInOfficer } from '../officers/setUpOfficerArea'

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const

/** A download's file name in the address: "report.pdf", "scorecard.xlsx". */
export type DownloadFile = `${string}.${keyof typeof contentTypes}`

export interface DownloadStart {
  file: DownloadFile
  /** What was downloaded, for the audit line: "year-9-survey" gives "year-9-survey/report.pdf". */
  of: string
  /** Whose and when, for the saved file's name: "northshire", "2026-q3". */
  namedFor: string
  namedWhen: string
  /** The choices that shaped the file (filters, period), for the audit line. */
  details: AuditFields
}

/**
 * The start of every officer download: the audit line on the primary, then the headers: a file
 * named for whose it is and when, of its type, never cached. Call it once the request has been
 * checked and before the first byte of the file.
 */
export async function startDownload(
  db: Database,
  req: Request,
  res: Response,
  { file, of, namedFor, namedWhen, details }: DownloadStart,
): Promise<void> {
  const officer = signedInOfficer(req)
  await recordAudit(db, {
    organisationId: officer.organisationId,
    officer,
    action: 'downloaded',
    subject: `${of}/${file}`,
    details,
  })
  const dot = file.lastIndexOf('.')
  const extension = file.slice(dot + 1) as keyof typeof contentTypes
  res.attachment(`${namedFor}-${file.slice(0, dot)}-${namedWhen}.${extension}`)
  res.set({ 'Content-Type': contentTypes[extension], 'Cache-Control': 'no-store' })
}
