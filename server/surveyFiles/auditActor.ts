/** Who moved a survey file: a signed-in officer, or an admin at the command line (recorded as such). */
export type FileActor = { officer: { id: string; email: string } } | { actor: 'command line' }

export const auditedAs = (by: FileActor) =>
  'officer' in by ? { officer: by.officer } : { officer: undefined, actor: by.actor }
