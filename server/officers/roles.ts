/** What each role may do. viewer, analyst and admin each can do everything the ones before can. */
export const roles = ['viewer', 'analyst', 'admin', 'safeguarding'] as const
export type Role = (typeof roles)[number]

export const isRole = (value: unknown): value is Role => roles.some((role) => role === value)

// A safeguarding officer sees what a viewer sees, and the safeguarding alerts.
const rank: Record<Role, number> = { viewer: 0, safeguarding: 0, analyst: 1, admin: 2 }

/** viewer: sees results. analyst: also runs surveys and downloads. admin: also manages officers and the audit log. */
export const hasRole = (held: Role, needed: Exclude<Role, 'safeguarding'>): boolean =>
  rank[held] >= rank[needed]

/** Alerts that a child may be at risk are read by safeguarding officers and admins, nobody else. */
export const canSeeAlerts = (held: Role): boolean => held === 'safeguarding' || held === 'admin'
