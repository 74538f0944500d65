/**
 * A whole set of answers to the young people's "What I need" survey, every statement "very
 * important", with any changed; `undefined` leaves a question unanswered.
 */
export const whatINeedAnswers = (
  changes: Record<string, string | undefined> = {},
): Record<string, string | undefined> => ({
  'listened-to': 'very-important',
  healthiest: 'very-important',
  safe: 'very-important',
  'accepted-valued': 'very-important',
  'prepared-future': 'very-important',
  'enjoy-life': 'very-important',
  'life-better': undefined,
  'age-group': '12-15',
  helper: 'no',
  ...changes,
})
