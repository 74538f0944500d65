/** Every URL the application serves, built in one place for routes, redirects, views and tests. */
const survey = (organisation: string, survey: string) => `/s/${organisation}/${survey}`

export const paths = {
  home: '/',
  healthz: '/healthz',
  accessibility: '/accessibility',
  respond: {
    start: survey,
    begin: (organisation: string, slug: string) => `${survey(organisation, slug)}/start`,
    question: (organisation: string, slug: string, questionId: string) =>
      `${survey(organisation, slug)}/questions/${questionId}`,
    checkAnswers: (organisation: string, slug: string) => `${survey(organisation, slug)}/check-answers`,
    submit: (organisation: string, slug: string) => `${survey(organisation, slug)}/submit`,
    confirmation: (organisation: string, slug: string) => `${survey(organisation, slug)}/confirmation`,
  },
} as const

/** Express route patterns matching the builders above. */
export const routePatterns = {
  respond: {
    start: '/s/:organisation/:survey',
    begin: '/s/:organisation/:survey/start',
    question: '/s/:organisation/:survey/questions/:question',
    checkAnswers: '/s/:organisation/:survey/check-answers',
    submit: '/s/:organisation/:survey/submit',
    confirmation: '/s/:organisation/:survey/confirmation',
  },
} as const
