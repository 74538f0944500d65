import { snapshotVersion1, version1ToScorecard } from './snapshots/version1'
import { snapshotVersion2, version2ToScorecard, type SnapshotVersion2 } from './snapshots/version2'
import type { Scorecard } from './types'

/**
 * Published scorecards are frozen, so each is stored with the version of the format it was written
 * in and read back through that version's own schema, however the scorecard type changes later.
 * A new format adds a version here (its schema, and how it reads as today's scorecard) and becomes
 * the one written; the older ones stay, so every snapshot ever published still renders.
 */
const readers = {
  1: (content: unknown) => version1ToScorecard(snapshotVersion1.parse(content)),
  2: (content: unknown) => version2ToScorecard(snapshotVersion2.parse(content)),
} satisfies Record<number, (content: unknown) => Scorecard>

export type SnapshotVersion = keyof typeof readers
export const snapshotVersions = Object.keys(readers).map(Number) as SnapshotVersion[]
export const currentSnapshotVersion = 2 satisfies SnapshotVersion

export class UnreadableSnapshotError extends Error {}

/** A stored snapshot as today's scorecard; throws when its version is unknown or its content does not fit it. */
export function readSnapshot(version: number, content: unknown): Scorecard {
  const reader = (readers as Record<number, ((content: unknown) => Scorecard) | undefined>)[version]
  if (!reader) throw new UnreadableSnapshotError(`Unknown scorecard snapshot version ${version}`)
  return reader(content)
}

/**
 * What a published snapshot holds: the scorecard with suppression applied, and nothing that is not
 * for the public — no survey ids, no who entered what. Officers' commentary and "You said, we did"
 * are written to be published; respondents' own words never reach a scorecard.
 */
export function toPublishedSnapshot(scorecard: Scorecard): SnapshotVersion2 {
  return snapshotVersion2.parse({
    ...scorecard,
    groups: scorecard.groups.map((group) => ({
      ...group,
      rows: group.rows.map((row) => {
        const { survey, ...indicator } = row.indicator
        return { ...row, indicator: survey ? { ...indicator, survey: { ...survey, id: '' } } : indicator }
      }),
    })),
  })
}
