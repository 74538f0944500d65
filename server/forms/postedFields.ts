/** The strings a form posted, for showing them again; anything else becomes empty. */
export function postedFields(body: unknown, names: string[]): Record<string, string> {
  const record = (body ?? {}) as Record<string, unknown>
  return Object.fromEntries(names.map((name) => [name, typeof record[name] === 'string' ? record[name] : '']))
}
