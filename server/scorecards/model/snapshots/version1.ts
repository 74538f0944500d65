import { z } from 'zod'
import {
  directions,
  frequencies,
  indicatorKinds,
  ragStatuses,
  trendStatuses,
  units,
  type Scorecard,
} from '../types'

/*
 * A published scorecard as version 1 stored it (every snapshot published before versions were
 * numbered). Written out in full rather than derived from today's types, so a later change to those
 * types cannot change what a stored snapshot is read as: it can only fail to compile in toScorecard.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const period = z.object({ key: z.string(), frequency: z.enum(frequencies), start: day, end: day })

const shownFact = z.object({
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
  suppressed: z.boolean(),
})

const target = z.object({ date: day, value: z.number() })

const indicator = z.object({
  id: z.string(),
  outcomeId: z.string().nullable(),
  number: z.string(),
  wording: z.string(),
  kind: z.enum(indicatorKinds),
  unit: z.enum(units),
  goodIs: z.enum(directions),
  frequency: z.enum(frequencies),
  source: z.string(),
  dataOwner: z.string(),
  baseline: z.object({ value: z.number(), date: day }).nullable(),
  amberTolerance: z.number(),
  targets: z.array(target),
  /** The survey's id is blanked when published. */
  survey: z
    .object({
      id: z.string(),
      slug: z.string(),
      counting: z.object({
        questions: z.array(z.string()),
        positive: z.array(z.string()),
        excluded: z.array(z.string()),
        aboutYou: z.record(z.string(), z.string()),
        language: z.string().optional(),
      }),
    })
    .optional(),
})

export const row = z.object({
  indicator,
  period,
  current: shownFact,
  previous: shownFact.nullable(),
  target: target.nullable(),
  rag: z.enum(ragStatuses),
  trend: z.object({
    status: z.enum(trendStatuses),
    change: z.number().nullable(),
    pValue: z.number().nullable(),
  }),
  history: z.array(shownFact),
  commentary: z.string().nullable(),
})

/** Every snapshot version since keeps these; a later one adds to them. */
export const snapshotVersion1 = z.object({
  organisation: z.object({ name: z.string(), slug: z.string() }),
  asAt: period,
  threshold: z.number().int(),
  groups: z.array(
    z.object({
      outcome: z
        .object({ id: z.string(), slug: z.string(), position: z.number(), statement: z.string() })
        .nullable(),
      rows: z.array(row),
    }),
  ),
  youSaidWeDid: z.array(
    z.object({ id: z.string(), youSaid: z.string(), weDid: z.string(), createdAt: z.string() }),
  ),
  computedAt: z.string().nullable(),
})

export type SnapshotVersion1 = z.infer<typeof snapshotVersion1>

/** Version 1 holds what a scorecard held when it was written: no reference values, no translations. */
export const version1ToScorecard = (snapshot: SnapshotVersion1): Scorecard => ({
  ...snapshot,
  groups: snapshot.groups.map((group) => ({
    ...group,
    rows: group.rows.map((each) => ({ ...each, references: [] })),
  })),
  translations: {},
})
