/** Every URL the application serves, built in one place for routes, redirects, views and tests. */
const survey = (organisation: string, survey: string) => `/s/${organisation}/${survey}`

const managedSurvey = (slug: string) => `/manage/surveys/${slug}`

const indicator = (handle: string) => `/manage/scorecards/indicators/${handle}`

/** The officers' scorecard pages: outcomes, indicators, their figures, publishing. */
const scorecards = {
  home: '/manage/scorecards',
  scorecardOutcome: (outcome: string) => `/manage/scorecards/outcomes/${outcome}`,
  scorecardFramework: '/manage/scorecards/framework',
  scorecardTemplate: '/manage/scorecards/framework/template',
  scorecardNewOutcome: '/manage/scorecards/framework/outcomes',
  scorecardOutcomeStatement: (outcome: string) => `/manage/scorecards/framework/outcomes/${outcome}`,
  scorecardRecompute: '/manage/scorecards/recompute',
  scorecardNewIndicator: '/manage/scorecards/indicators/new',
  scorecardIndicator: indicator,
  scorecardCounting: (handle: string) => `${indicator(handle)}/counting`,
  scorecardValues: (handle: string) => `${indicator(handle)}/values`,
  scorecardCommentary: (handle: string) => `${indicator(handle)}/commentary`,
  scorecardImport: '/manage/scorecards/import',
  scorecardYouSaidWeDid: '/manage/scorecards/you-said-we-did',
  scorecardYouSaidWeDidRemove: '/manage/scorecards/you-said-we-did/remove',
  scorecardPublish: '/manage/scorecards/publish',
  scorecardDownload: (file: string) => `/manage/scorecards/downloads/${file}`,
}

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
    scorecards: scorecards.home,
    ...scorecards,
  },
  publicScorecards: {
    list: (organisation: string) => `/scorecards/${organisation}`,
    snapshot: (organisation: string, period: string) => `/scorecards/${organisation}/${period.toLowerCase()}`,
    embed: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}/embed`,
    openData: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}.json`,
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
