import type { PlannedResponse } from '../helpers/insertResponses'

export { insertResponses, type PlannedResponse } from '../helpers/insertResponses'

/** `count` copies of one response. */
export const repeated = (count: number, response: PlannedResponse): PlannedResponse[] =>
  Array.from({ length: count }, () => response)
