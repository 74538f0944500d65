import type { WorkingCopy } from './workingCopy'

/** One line of "what changed since the published version", as a locale key and the question it names. */
export interface Change {
  key: 'added' | 'removed' | 'changed' | 'moved' | 'pageAdded' | 'pageRemoved' | 'pageChanged' | 'survey'
  id: string
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** What the working copy changes in the published version: questions, information pages, the rest. */
export function changeSummary(published: WorkingCopy, copy: WorkingCopy): Change[] {
  const changes: Change[] = []
  const before = new Map(published.definition.questions.map((question) => [question.id, question]))
  const after = new Map(copy.definition.questions.map((question) => [question.id, question]))
  const wordsOf = (pair: WorkingCopy, id: string) =>
    Object.fromEntries(Object.entries(pair.words).map(([language, words]) => [language, words.questions[id]]))
  for (const [id, question] of after) {
    const old = before.get(id)
    if (!old) changes.push({ key: 'added', id })
    else if (!same(old, question) || !same(wordsOf(published, id), wordsOf(copy, id)))
      changes.push({ key: 'changed', id })
  }
  for (const id of before.keys()) if (!after.has(id)) changes.push({ key: 'removed', id })
  const kept = (ids: string[], other: Map<string, unknown>) => ids.filter((id) => other.has(id))
  if (!same(kept([...before.keys()], after), kept([...after.keys()], before)))
    changes.push({ key: 'moved', id: '' })
  const pagesBefore = new Map(published.definition.informationPages.map((page) => [page.id, page]))
  const pageWords = (pair: WorkingCopy, id: string) =>
    Object.values(pair.words).map((words) => words.pages?.[id])
  for (const page of copy.definition.informationPages) {
    const old = pagesBefore.get(page.id)
    if (!old) changes.push({ key: 'pageAdded', id: page.id })
    else if (!same(old, page) || !same(pageWords(published, page.id), pageWords(copy, page.id)))
      changes.push({ key: 'pageChanged', id: page.id })
    pagesBefore.delete(page.id)
  }
  for (const id of pagesBefore.keys()) changes.push({ key: 'pageRemoved', id })
  const rest = (pair: WorkingCopy) => ({
    ...pair.definition,
    questions: undefined,
    informationPages: undefined,
    words: Object.values(pair.words).map((words) => [words.title, words.start]),
    languages: Object.keys(pair.words).sort(),
  })
  if (!same(rest(published), rest(copy))) changes.push({ key: 'survey', id: '' })
  return changes
}
