/** What each role may do; each role can do everything the ones below it can. */
export const roles = ['viewer', 'analyst', 'admin'] as const
export type Role = (typeof roles)[number]

export const isRole = (value: unknown): value is Role => roles.some((role) => role === value)

/** viewer: sees results. analyst: also runs surveys and downloads. admin: also manages officers and the audit log. */
export const hasRole = (held: Role, needed: Role): boolean => roles.indexOf(held) >= roles.indexOf(needed)
