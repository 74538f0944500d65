/** Every URL the application serves, built in one place for routes, redirects, views and tests. */
const survey = (organisation: string, survey: string) => `/s/${organisation}/${survey}`

const managedSurvey = (slug: string) => `/manage/surveys/${slug}`

export const paths = {
  home: '/',
  signIn: {
    request: '/sign-in',
    link: (token: string) => `/sign-in/link/${token}`,
    linkPattern: '/sign-in/link/:token',
    linkAction: '/sign-in/link',
    signOut: '/sign-out',
    signedOut: '/signed-out',
  },
  manage: {
    surveys: '/manage',
    newSurvey: '/manage/surveys/new',
    survey: managedSurvey,
    open: (slug: string) => `${managedSurvey(slug)}/open`,
    close: (slug: string) => `${managedSurvey(slug)}/close`,
    closingDate: (slug: string) => `${managedSurvey(slug)}/closing-date`,
    qrCode: (slug: string, format: 'png' | 'svg') => `${managedSurvey(slug)}/qr-code.${format}`,
    results: (slug: string) => `${managedSurvey(slug)}/results`,
    comments: (slug: string) => `${managedSurvey(slug)}/comments`,
    words: (slug: string, language: string) => `${managedSurvey(slug)}/words/${language}`,
    commentThemes: (slug: string) => `${managedSurvey(slug)}/comments/themes`,
    download: (slug: string, file: string) => `${managedSurvey(slug)}/downloads/${file}`,
    officers: '/manage/officers',
    officer: (handle: string) => `/manage/officers/${handle}`,
    officerRole: (handle: string) => `/manage/officers/${handle}/role`,
    officerRemove: (handle: string) => `/manage/officers/${handle}/remove`,
    audit: '/manage/audit',
  },
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
