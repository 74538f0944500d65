import type { Queryable } from '../db/database'
import { countFramework, listAdministrativeValues } from './changeQueries'
import type { Indicator, ReferenceValue } from '../scorecards/model/types'
import { changedOnly, recordAudit, type AuditAction, type AuditFields } from './recordAudit'

/** Who changed a scorecard: the signed-in officer, in their organisation. */
export interface ScorecardEditor {
  organisationId: string
  id: string
  email: string
}

/**
 * Each change to scorecard data is one audit row whose details hold `before` and `after` (see
 * AuditChange). Every function here takes the transaction that makes the change, so the row and
 * the change are kept or lost together.
 */
const recordChange = (
  tx: Queryable,
  editor: ScorecardEditor,
  entry: { action: AuditAction; subject: string; before: AuditFields | null; after: AuditFields | null },
) =>
  recordAudit(tx, {
    organisationId: editor.organisationId,
    officer: { id: editor.id, email: editor.email },
    action: entry.action,
    subject: entry.subject,
    change: changedOnly(entry.before, entry.after),
  })

/** An indicator as the audit log shows it: every field an officer sets, targets included, as text or numbers. */
export function indicatorFields(indicator: Indicator): AuditFields {
  return {
    number: indicator.number,
    wording: indicator.wording,
    outcome: indicator.outcomeId,
    kind: indicator.kind,
    unit: indicator.unit,
    goodIs: indicator.goodIs,
    frequency: indicator.frequency,
    source: indicator.source,
    dataOwner: indicator.dataOwner,
    baseline: indicator.baseline ? `${indicator.baseline.value} (${indicator.baseline.date})` : null,
    amberTolerance: indicator.amberTolerance,
    survey: indicator.survey?.slug ?? null,
    counting: indicator.survey ? JSON.stringify(indicator.survey.counting) : null,
    targets: indicator.targets.map((target) => `${target.value} by ${target.date}`).join('; '),
  }
}

/** An indicator added (before undefined) or changed: its definition, targets and counting. */
export function recordIndicatorChange(
  tx: Queryable,
  editor: ScorecardEditor,
  change: { before: Indicator | undefined; after: Indicator },
): Promise<void> {
  return recordChange(tx, editor, {
    action: change.before ? 'indicator-changed' : 'indicator-added',
    subject: change.after.number,
    before: change.before ? indicatorFields(change.before) : null,
    after: indicatorFields(change.after),
  })
}

/**
 * Administrative figures about to be saved, with the figures they replace, keyed "1.1 2026-Q1".
 * Call before the save, inside its transaction.
 */
export async function recordAdministrativeValues(
  tx: Queryable,
  editor: ScorecardEditor,
  change: {
    indicators: readonly Pick<Indicator, 'id' | 'number'>[]
    values: readonly { indicatorId: string; period: string; value: number }[]
  },
): Promise<void> {
  const numbers = new Map(change.indicators.map((indicator) => [indicator.id, indicator.number]))
  const key = (indicatorId: string, period: string) => `${numbers.get(indicatorId) ?? indicatorId} ${period}`
  const rows = await listAdministrativeValues(tx, editor.organisationId, change.values)
  const before: AuditFields = Object.fromEntries(
    change.values.map((each) => [key(each.indicatorId, each.period), null]),
  )
  for (const row of rows)
    before[key(row.indicator_id, row.period)] = row.value === null ? null : Number(row.value)
  const after = Object.fromEntries(
    change.values.map((each) => [key(each.indicatorId, each.period), each.value]),
  )
  await recordChange(tx, editor, {
    action: 'administrative-values-changed',
    subject: [...new Set(change.values.map((each) => numbers.get(each.indicatorId) ?? ''))].join(', '),
    before,
    after,
  })
}

/**
 * Reference values set (before: what they replace, or nothing) or one removed (after null), keyed
 * "1.1 2026-Q1 england" with the value and its source.
 */
export function recordReferenceValues(
  tx: Queryable,
  editor: ScorecardEditor,
  change: {
    indicators: readonly Pick<Indicator, 'id' | 'number'>[]
    before: readonly ReferenceValue[]
    after: readonly ReferenceValue[]
  },
): Promise<void> {
  const numbers = new Map(change.indicators.map((indicator) => [indicator.id, indicator.number]))
  const key = (each: ReferenceValue) =>
    `${numbers.get(each.indicatorId) ?? each.indicatorId} ${each.period} ${each.area}`
  const side = (values: readonly ReferenceValue[]): AuditFields =>
    Object.fromEntries(values.map((each) => [key(each), `${each.value} (${each.source})`]))
  const keys = [...change.before, ...change.after].map(key)
  const before = { ...Object.fromEntries(keys.map((each) => [each, null])), ...side(change.before) }
  const after = { ...Object.fromEntries(keys.map((each) => [each, null])), ...side(change.after) }
  return recordChange(tx, editor, {
    action: 'reference-values-changed',
    subject: [
      ...new Set([...change.before, ...change.after].map((each) => numbers.get(each.indicatorId) ?? '')),
    ].join(', '),
    before,
    after,
  })
}

/** Officers' words translated into one language: each text's translation before and after, by key. */
export function recordTranslations(
  tx: Queryable,
  editor: ScorecardEditor,
  change: { language: string; before: AuditFields; after: AuditFields },
): Promise<void> {
  return recordChange(tx, editor, {
    action: 'translations-changed',
    subject: change.language,
    before: change.before,
    after: change.after,
  })
}

/** Commentary for one indicator and period set, changed or cleared (empty text). */
export function recordCommentaryChange(
  tx: Queryable,
  editor: ScorecardEditor,
  change: { indicator: string; period: string; before: string; after: string },
): Promise<void> {
  const side = (text: string) => ({ [change.period]: text === '' ? null : text })
  return recordChange(tx, editor, {
    action: 'commentary-changed',
    subject: change.indicator,
    before: side(change.before),
    after: side(change.after),
  })
}

/** An outcome statement added (before null) or reworded. */
export function recordOutcomeChange(
  tx: Queryable,
  editor: ScorecardEditor,
  change: { slug: string; before: string | null; after: string },
): Promise<void> {
  return recordChange(tx, editor, {
    action: change.before === null ? 'outcome-added' : 'outcome-changed',
    subject: change.slug,
    before: change.before === null ? null : { statement: change.before },
    after: { statement: change.after },
  })
}

/** How many outcomes and indicators the framework has, before and after a bulk change such as the template. */
export async function frameworkSize(tx: Queryable, organisationId: string): Promise<AuditFields> {
  const row = await countFramework(tx, organisationId)
  return { outcomes: row?.outcomes ?? 0, indicators: row?.indicators ?? 0 }
}

export function recordFrameworkStarted(
  tx: Queryable,
  editor: ScorecardEditor,
  change: { before: AuditFields; after: AuditFields },
): Promise<void> {
  return recordChange(tx, editor, { action: 'framework-started', subject: 'template', ...change })
}

/** A "You said, we did" entry added (before null) or removed (after null). */
export function recordYouSaidWeDid(
  tx: Queryable,
  editor: ScorecardEditor,
  change: { before: AuditFields | null; after: AuditFields | null },
): Promise<void> {
  return recordChange(tx, editor, {
    action: change.after ? 'you-said-we-did-added' : 'you-said-we-did-removed',
    subject: String((change.after ?? change.before)?.youSaid ?? '').slice(0, 80),
    ...change,
  })
}
