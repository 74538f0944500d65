/** A stable id from words: the first few words, lower case, joined by hyphens ("How old are you?" -> how-old-are-you). */
export function idFromWords(text: string, fallback: string): string {
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((word) => word !== '')
    .slice(0, 5)
  const id = words.join('-').slice(0, 40).replace(/-+$/, '')
  return id === '' ? fallback : id
}

/** The id, or the id with -2, -3 ... when it is taken. */
export function freeId(wanted: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(wanted)) return wanted
  for (let suffix = 2; ; suffix += 1) if (!used.has(`${wanted}-${suffix}`)) return `${wanted}-${suffix}`
}

export const stableIdPattern = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/
