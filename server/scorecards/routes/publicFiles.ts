import { PassThrough, type Writable } from 'node:stream'
import type { Request } from 'express'
import { scorecardCsv } from '../files/scorecardCsv'
import { writeScorecardPdf } from '../files/scorecardPdf'
import { writeScorecardXlsx } from '../files/scorecardXlsx'
import type { Scorecard } from '../model/types'

export const publicFileTypes = ['csv', 'xlsx', 'pdf'] as const
export type PublicFileType = (typeof publicFileTypes)[number]

const contentTypes: Record<PublicFileType, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

/** A file written to a stream, kept whole in memory: a scorecard's file is tens of kilobytes. */
async function collected(write: (output: Writable) => Promise<void>): Promise<Buffer> {
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  await write(output)
  return Buffer.concat(chunks)
}

/**
 * A published scorecard as the file officers download, in the reader's language: the snapshot
 * already holds only what may be published, so the same disclosure rules hold. Made whole before
 * it is sent, so it has an ETag like the page.
 */
export async function publicFile(scorecard: Scorecard, type: PublicFileType, req: Request) {
  const { t, language } = req
  const body =
    type === 'csv'
      ? scorecardCsv(scorecard, t, language)
      : type === 'xlsx'
        ? await collected((output) => writeScorecardXlsx(scorecard, t, language, output))
        : await collected((output) => writeScorecardPdf({ scorecard, t, language }, output))
  return { body, type: contentTypes[type] }
}
