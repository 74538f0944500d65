/** How a response was collected; stored on each response (responses.collection_method). */
export const collectionMethods = ['online', 'group-session', 'face-to-face', 'phone', 'paper'] as const
export type CollectionMethod = (typeof collectionMethods)[number]

/** The methods an officer types in: answers given on paper, face to face or by phone. */
export const enteredMethods = ['paper', 'face-to-face', 'phone'] as const
export type EnteredMethod = (typeof enteredMethods)[number]

export const isEnteredMethod = (value: unknown): value is EnteredMethod =>
  enteredMethods.some((method) => method === value)

export const isCollectionMethod = (value: unknown): value is CollectionMethod =>
  collectionMethods.some((method) => method === value)

/**
 * What a draft becomes: the officer's method for a typed-in draft, a group session for one started
 * through a group's code or link, and online for everyone else.
 */
export function collectionMethodOf(draft: {
  collection_method: string | null
  group_session_id: string | null
}): CollectionMethod {
  if (isEnteredMethod(draft.collection_method)) return draft.collection_method
  return draft.group_session_id ? 'group-session' : 'online'
}

/** The sender of a typed-in response, with the per-address limits and the holding rules off. */
export function unscreened<T extends { settings: { enabled: boolean } }>(sender: T): T {
  return { ...sender, settings: { ...sender.settings, enabled: false } }
}
