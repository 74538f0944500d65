import { z } from 'zod'
import { referenceAreas, referenceComparisons, type Scorecard } from '../types'
import { row as rowVersion1, snapshotVersion1 } from './version1'

/*
 * Version 2 (December 2026) adds what a scorecard is read against and in: each row's reference
 * values (England, the region, statistical neighbours, with their sources and how the local figure
 * compares), and the officers' words in the organisation's other languages. Built on version 1,
 * which never changes, and written out here for the rest, for the same reason.
 */

const reference = z.object({
  area: z.enum(referenceAreas),
  value: z.number(),
  source: z.string(),
  comparison: z.enum(referenceComparisons),
})

const row = rowVersion1.extend({ references: z.array(reference) })

const languageCode = z.enum(['en', 'cy', 'ur'])
const textKey = z.string().regex(/^(outcome|indicator|commentary|you-said|we-did):.+$/)

export const snapshotVersion2 = snapshotVersion1.extend({
  groups: z.array(snapshotVersion1.shape.groups.element.extend({ rows: z.array(row) })),
  translations: z.partialRecord(languageCode, z.record(textKey, z.string())),
})

export type SnapshotVersion2 = z.infer<typeof snapshotVersion2>

export const version2ToScorecard = (snapshot: SnapshotVersion2): Scorecard => snapshot
