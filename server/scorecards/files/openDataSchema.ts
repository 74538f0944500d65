import { z } from 'zod'
import {
  directions,
  frequencies,
  indicatorKinds,
  ragStatuses,
  referenceAreas,
  referenceComparisons,
  trendStatuses,
  units,
} from '../model/types'

/*
 * The published open data of a scorecard (latest.json and each period's .json), as a contract with
 * the councils' web teams and anyone else who reads it. The JSON Schema served at
 * /schemas/scorecard.schema.json is made from this, and every file served is checked against it in
 * the tests. Add fields; never rename or remove one without a new `format` number.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const period = z
  .object({ key: z.string(), frequency: z.enum(frequencies), start: day, end: day })
  .describe('A reporting period: "2026-Q3" is July to September 2026.')

const figure = z
  .object({
    period: z.string(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable().describe('How many answered, or the count the figure is out of.'),
    value: z.number().nullable().describe('null when there is no figure, or when it is withheld.'),
    interval: z
      .object({ lower: z.number(), upper: z.number() })
      .nullable()
      .describe('The 95% confidence interval of a survey percentage (Wilson).'),
    suppressed: z.boolean().describe('Withheld: too few answered to show the figure safely.'),
  })
  .describe('A figure as published.')

/** Officers' words in other languages, by language code and then by the field they translate. */
const translations = <Field extends string>(fields: [Field, ...Field[]]) =>
  z
    .partialRecord(z.enum(['cy', 'ur']), z.partialRecord(z.enum(fields), z.string()))
    .describe('The words in other languages where they have been translated; English is the original.')

const reference = z
  .object({
    area: z.enum(referenceAreas).describe('england, region, or neighbours (statistical neighbours).'),
    value: z.number(),
    source: z.string(),
    comparison: z
      .enum(referenceComparisons)
      .describe(
        'The local figure against this one: better or worse (higher or lower when neither is better) only when it lies outside the local 95% interval; not-tested when the local figure has no count.',
      ),
  })
  .describe('The same indicator elsewhere for the same period.')

const indicator = z.object({
  number: z.string(),
  wording: z.string(),
  kind: z.enum(indicatorKinds),
  unit: z.enum(units),
  goodIs: z.enum(directions),
  frequency: z.enum(frequencies),
  source: z.string(),
  dataOwner: z.string(),
  baseline: z.object({ value: z.number(), date: day }).nullable(),
  targets: z.array(z.object({ date: day, value: z.number() })),
  amberTolerance: z.number(),
  counting: z
    .object({
      survey: z.string(),
      questions: z.array(z.string()),
      positive: z.array(z.string()),
      excluded: z.array(z.string()),
      aboutYou: z.record(z.string(), z.string()),
      language: z.string().optional(),
    })
    .nullable()
    .describe('For a survey indicator: which answers count as positive.'),
  period,
  current: figure,
  target: z.object({ date: day, value: z.number() }).nullable(),
  rag: z.enum(ragStatuses),
  trend: z.object({
    status: z.enum(trendStatuses),
    change: z.number().nullable(),
    pValue: z.number().nullable(),
  }),
  commentary: z.string().nullable(),
  references: z.array(reference),
  translations: translations(['wording', 'commentary']),
  history: z.array(figure).describe('Up to eight periods ending with the current one, oldest first.'),
})

export const openDataFormat = 1

export const scorecardOpenDataSchema = z
  .object({
    $schema: z.string().describe('The address of this schema.'),
    format: z.literal(openDataFormat),
    organisation: z.object({ name: z.string(), slug: z.string() }),
    quarter: period.describe(
      'The period the scorecard is for: a quarter, a half-year ("2026-H1") or a year ("2026"), as the organisation publishes. Named when every scorecard was quarterly.',
    ),
    publishedAt: z.iso.datetime(),
    smallNumberThreshold: z.number().int().describe('Counts below this are withheld.'),
    address: z.string().describe('The public page of this scorecard.'),
    outcomes: z.array(
      z.object({
        outcome: z
          .object({ id: z.string(), statement: z.string(), translations: translations(['statement']) })
          .nullable()
          .describe('null: indicators across all outcomes.'),
        indicators: z.array(indicator),
      }),
    ),
    youSaidWeDid: z.array(
      z.object({
        youSaid: z.string(),
        weDid: z.string(),
        createdAt: z.string(),
        translations: translations(['youSaid', 'weDid']),
      }),
    ),
  })
  .describe('A published outcome scorecard of a SEND partnership, as open data.')

export type ScorecardOpenData = z.infer<typeof scorecardOpenDataSchema>

let jsonSchema: string | undefined

/** The JSON Schema of the open data, made once. */
export function scorecardJsonSchema(): string {
  jsonSchema ??= `${JSON.stringify(
    { ...z.toJSONSchema(scorecardOpenDataSchema, { io: 'output' }), title: 'Heard published scorecard' },
    null,
    2,
  )}\n`
  return jsonSchema
}
