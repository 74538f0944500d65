/**
 * Where "I'm still here" goes back to: only a page of the same survey, so the warning page can never
 * be made to send someone elsewhere.
 */
export function safeReturnPath(surveyPath: string, wanted: unknown): string {
  if (typeof wanted !== 'string') return surveyPath
  const ownPage = wanted === surveyPath || wanted.startsWith(`${surveyPath}/`)
  return ownPage && /^\/[A-Za-z0-9/_-]*$/.test(wanted) ? wanted : surveyPath
}
