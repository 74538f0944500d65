/**
 * A shallow copy without one optional key: a question without its picture or condition, words
 * without a page's. The result is still a T (for a union of question shapes, the same shape).
 */
export function omit<T extends object>(value: T, key: keyof T): T {
  const copy = { ...value }
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- an optional key, removed from a copy
  delete copy[key]
  return copy
}
