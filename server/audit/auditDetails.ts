import type { AuditFields, AuditValue } from './recordAudit'

/** One changed value as the audit page shows it; null where there was nothing on that side. */
export interface ShownChange {
  field: string
  before: string | null
  after: string | null
}

export interface ShownDetails {
  /** Everything else the row records, as "name: value" pairs. */
  facts: string
  changes: ShownChange[]
}

const isFields = (value: unknown): value is AuditFields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const shown = (value: AuditValue | undefined): string | null =>
  value === undefined || value === null ? null : String(value)

/** Splits a row's details into its before-and-after changes and its other facts, for reading. */
export function showDetails(details: Record<string, unknown>): ShownDetails {
  const { before, after, ...rest } = details
  const was = isFields(before) ? before : {}
  const now = isFields(after) ? after : {}
  const fields = [...new Set([...Object.keys(was), ...Object.keys(now)])]
  return {
    facts: Object.entries(rest)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', '),
    changes: fields.map((field) => ({ field, before: shown(was[field]), after: shown(now[field]) })),
  }
}
