/**
 * What must stop before a test file's database is dropped. Jest runs a file's afterAll hooks in the
 * order they were declared, and useTestDatabase declares its own first, so a worker stopped in the
 * file's afterAll could still be finishing a job on a database that is already closed.
 */
const stoppers = new Set<() => Promise<void>>()

export function stopBeforeDrop(stop: () => Promise<void>): () => Promise<void> {
  const once = async () => {
    stoppers.delete(once)
    await stop()
  }
  stoppers.add(once)
  return once
}

export async function stopEverythingBeforeDrop(): Promise<void> {
  await Promise.all([...stoppers].map((stop) => stop()))
}
