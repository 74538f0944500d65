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

/** Safeguarding alerts, read and acted on by admins and safeguarding officers. */
const alert = (handle: string) => `/manage/alerts/${handle}`
const alerts = {
  alerts: '/manage/alerts',
  alert,
  alertAcknowledge: (handle: string) => `${alert(handle)}/acknowledge`,
  alertNotes: (handle: string) => `${alert(handle)}/notes`,
  alertClose: (handle: string) => `${alert(handle)}/close`,
}

/** Organisation settings, for admins. */
const organisationSettings = {
  home: '/manage/settings',
  section: (section: string) => `/manage/settings/${section}`,
  localHelpRemove: '/manage/settings/local-help/remove',
}

/** The public pages made from an organisation's settings: privacy, accessibility and contact. */
const organisationPage = (organisation: string) => `/o/${organisation}`
const organisationPages = {
  privacy: (organisation: string) => `${organisationPage(organisation)}/privacy`,
  easyReadPrivacy: (organisation: string) => `${organisationPage(organisation)}/privacy/easy-read`,
  accessibility: (organisation: string) => `${organisationPage(organisation)}/accessibility`,
  contact: (organisation: string) => `${organisationPage(organisation)}/contact`,
}

/** Keeping only what is needed: a survey's retention period, and erasing a response on request. */
const retention = {
  surveyRetention: (slug: string) => `${managedSurvey(slug)}/retention`,
  erasure: '/manage/erasure',
  erasureConfirm: '/manage/erasure/confirm',
}

/** Counts nobody can skew: group sessions that lift the per-address limits, and held responses. */
const responseReview = {
  groupSessions: (slug: string) => `${managedSurvey(slug)}/group-sessions`,
  groupSessionEnd: (slug: string, code: string) => `${managedSurvey(slug)}/group-sessions/${code}/end`,
  heldResponses: (slug: string) => `${managedSurvey(slug)}/held-responses`,
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
    officerSafeguardingContact: (handle: string) => `/manage/officers/${handle}/safeguarding-contact`,
    audit: '/manage/audit',
    safeguardingPhrases: '/manage/safeguarding/phrases',
    safeguardingPhraseRemove: '/manage/safeguarding/phrases/remove',
    scorecards: scorecards.home,
    ...scorecards,
    ...alerts,
    ...retention,
    ...responseReview,
  },
  publicScorecards: {
    list: (organisation: string) => `/scorecards/${organisation}`,
    snapshot: (organisation: string, period: string) => `/scorecards/${organisation}/${period.toLowerCase()}`,
    embed: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}/embed`,
    openData: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}.json`,
  },
  settings: organisationSettings,
  organisationPages,
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
    talkToSomeone: (organisation: string, slug: string) => `${survey(organisation, slug)}/talk-to-someone`,
    talkToSomeoneSent: (organisation: string, slug: string) =>
      `${survey(organisation, slug)}/talk-to-someone/sent`,
    groupCode: (organisation: string, slug: string) => `${survey(organisation, slug)}/group`,
    /** The start page with a group session's code: the link an officer hands to a class. */
    groupStart: (organisation: string, slug: string, code: string) =>
      `${survey(organisation, slug)}?group=${code}`,
  },
} as const

/** Express route patterns matching the builders above. */
export const routePatterns = {
  organisationPages: {
    privacy: '/o/:organisation/privacy',
    easyReadPrivacy: '/o/:organisation/privacy/easy-read',
    accessibility: '/o/:organisation/accessibility',
    contact: '/o/:organisation/contact',
  },
  respond: {
    start: '/s/:organisation/:survey',
    begin: '/s/:organisation/:survey/start',
    question: '/s/:organisation/:survey/questions/:question',
    checkAnswers: '/s/:organisation/:survey/check-answers',
    submit: '/s/:organisation/:survey/submit',
    confirmation: '/s/:organisation/:survey/confirmation',
    talkToSomeone: '/s/:organisation/:survey/talk-to-someone',
    talkToSomeoneSent: '/s/:organisation/:survey/talk-to-someone/sent',
    groupCode: '/s/:organisation/:survey/group',
  },
  responseReview: {
    groupSessions: '/surveys/:survey/group-sessions',
    groupSessionEnd: '/surveys/:survey/group-sessions/:code/end',
    heldResponses: '/surveys/:survey/held-responses',
  },
} as const
