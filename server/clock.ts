/** The time now. Passed in wherever time decides something (limits, holding, retention, escalation), so tests can freeze it. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()
