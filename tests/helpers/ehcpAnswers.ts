/**
 * A whole set of answers to the parent carers' "Your experience of Education, Health and Care
 * Plans" survey, with any changed; `undefined` leaves a question unanswered.
 */
export const ehcpAnswers = (
  changes: Record<string, string | undefined> = {},
): Record<string, string | undefined> => ({
  'assessment-satisfied': 'agree',
  'plan-satisfied': 'agree',
  'listened-to': 'neither',
  'know-who-to-contact': 'dont-know',
  'views-influence': 'disagree',
  'health-needs-met': 'agree',
  'activities-meet-needs': 'strongly-agree',
  improve: undefined,
  'child-age': '11-15',
  'support-type': 'sen-support',
  ...changes,
})
