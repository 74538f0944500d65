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
  scorecardComparisons: (handle: string) => `${indicator(handle)}/comparisons`,
  scorecardComparisonImport: '/manage/scorecards/comparisons/import',
  scorecardTranslations: '/manage/scorecards/translations',
  scorecardYouSaidWeDid: '/manage/scorecards/you-said-we-did',
  scorecardYouSaidWeDidRemove: '/manage/scorecards/you-said-we-did/remove',
  scorecardPublish: '/manage/scorecards/publish',
  /** A background run of working out the figures or publishing, and how far it has got. */
  scorecardRun: (run: string) => `/manage/scorecards/runs/${run}`,
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

/** Carrying on another day or device, starting again, shared devices, and typing in paper responses. */
const device = {
  emailLink: (organisation: string, slug: string) => `${survey(organisation, slug)}/email-me-a-link`,
  emailLinkSent: (organisation: string, slug: string) => `${survey(organisation, slug)}/email-me-a-link/sent`,
  resumeLink: (organisation: string, slug: string, token: string) =>
    `${survey(organisation, slug)}/carry-on/${token}`,
  startAgain: (organisation: string, slug: string) => `${survey(organisation, slug)}/start-again`,
  /** The link (and QR code) of a group session on shared devices. */
  sharedStart: (organisation: string, slug: string, code: string) =>
    `${survey(organisation, slug)}/shared/${code}`,
  stillThere: (organisation: string, slug: string) => `${survey(organisation, slug)}/still-there`,
  idleReset: (organisation: string, slug: string) => `${survey(organisation, slug)}/reset`,
  nextPerson: (organisation: string, slug: string) => `${survey(organisation, slug)}/next-person`,
}

/** Inviting contacts by email: the survey's invitations, uploading a contact list, checking and sending it. */
const invitationPages = {
  invitations: (slug: string) => `${managedSurvey(slug)}/invitations`,
  invitationsUpload: (slug: string) => `${managedSurvey(slug)}/invitations/upload`,
  contactList: (slug: string, list: string) => `${managedSurvey(slug)}/invitations/lists/${list}`,
  contactListPreview: (slug: string, list: string) =>
    `${managedSurvey(slug)}/invitations/lists/${list}/preview`,
  contactListCancel: (slug: string, list: string) =>
    `${managedSurvey(slug)}/invitations/lists/${list}/cancel`,
}

/** The survey builder: the working copy of a survey, its questions and pages, preview and publishing. */
const builderHome = (slug: string) => `${managedSurvey(slug)}/builder`
const builtQuestion = (slug: string, id: string) => `${builderHome(slug)}/questions/${id}`
const builder = {
  newBlank: '/manage/surveys/new/blank',
  newCopy: '/manage/surveys/new/copy',
  home: builderHome,
  addQuestion: (slug: string) => `${builderHome(slug)}/questions/new`,
  newQuestion: (slug: string, kind: string) => `${builderHome(slug)}/questions/new/${kind}`,
  question: builtQuestion,
  questionRemove: (slug: string, id: string) => `${builtQuestion(slug, id)}/remove`,
  questionMove: (slug: string, id: string) => `${builtQuestion(slug, id)}/move`,
  questionPicture: (slug: string, id: string) => `${builtQuestion(slug, id)}/picture`,
  questionCondition: (slug: string, id: string) => `${builtQuestion(slug, id)}/condition`,
  aboutYou: (slug: string) => `${builderHome(slug)}/about-you`,
  newPage: (slug: string) => `${builderHome(slug)}/pages/new`,
  page: (slug: string, id: string) => `${builderHome(slug)}/pages/${id}`,
  pageRemove: (slug: string, id: string) => `${builderHome(slug)}/pages/${id}/remove`,
  settings: (slug: string) => `${builderHome(slug)}/settings`,
  publish: (slug: string) => `${builderHome(slug)}/publish`,
  discard: (slug: string) => `${builderHome(slug)}/discard`,
  preview: (slug: string) => `${builderHome(slug)}/preview`,
  previewEnd: (slug: string) => `${builderHome(slug)}/preview/end`,
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
    /** Results broken down by the answers to one about-you question (query: by, and the results filter). */
    breakdown: (slug: string) => `${managedSurvey(slug)}/results/breakdown`,
    comments: (slug: string) => `${managedSurvey(slug)}/comments`,
    words: (slug: string, language: string) => `${managedSurvey(slug)}/words/${language}`,
    commentThemes: (slug: string) => `${managedSurvey(slug)}/comments/themes`,
    download: (slug: string, file: string) => `${managedSurvey(slug)}/downloads/${file}`,
    officers: '/manage/officers',
    officer: (handle: string) => `/manage/officers/${handle}`,
    officerRole: (handle: string) => `/manage/officers/${handle}/role`,
    officerRemove: (handle: string) => `/manage/officers/${handle}/remove`,
    officerSafeguardingContact: (handle: string) => `/manage/officers/${handle}/safeguarding-contact`,
    officerInvitationResend: '/manage/officers/invitations/resend',
    audit: '/manage/audit',
    safeguardingPhrases: '/manage/safeguarding/phrases',
    safeguardingPhraseRemove: '/manage/safeguarding/phrases/remove',
    scorecards: scorecards.home,
    ...scorecards,
    ...alerts,
    ...retention,
    ...responseReview,
    ...invitationPages,
    builder,
    dataEntry: (slug: string) => `${managedSurvey(slug)}/data-entry`,
    /** A survey file: exported as JSON, imported from an upload (not under /surveys/, where a slug could be "import"). */
    surveyFile: (slug: string) => `${managedSurvey(slug)}/survey-file`,
    importSurvey: '/manage/import-survey',
  },
  publicScorecards: {
    list: (organisation: string) => `/scorecards/${organisation}`,
    snapshot: (organisation: string, period: string) => `/scorecards/${organisation}/${period.toLowerCase()}`,
    embed: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}/embed`,
    openData: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}.json`,
    /** The latest publication, whichever period it is: a stable address to link or embed. */
    latest: (organisation: string) => `/scorecards/${organisation}/latest`,
    latestEmbed: (organisation: string) => `/scorecards/${organisation}/latest/embed`,
    latestJson: (organisation: string) => `/scorecards/${organisation}/latest.json`,
    /** The easy-read version of a period ("latest" for the latest). */
    easyRead: (organisation: string, period: string) =>
      `/scorecards/${organisation}/${period.toLowerCase()}/easy-read`,
    file: (organisation: string, period: string, format: 'json' | 'csv' | 'xlsx' | 'pdf') =>
      `/scorecards/${organisation}/${period.toLowerCase()}.${format}`,
    /** Every published value over time. */
    openDataCsv: (organisation: string) => `/scorecards/${organisation}/values.csv`,
  },
  /** The JSON Schema of published scorecards' open data. */
  scorecardSchema: '/schemas/scorecard.schema.json',
  settings: organisationSettings,
  organisationPages,
  healthz: '/healthz',
  /** The links in an invitation email: the survey (once), and unsubscribing. No sign-in. */
  invitations: {
    link: (token: string) => `/i/${token}`,
    linkPattern: '/i/:token',
    unsubscribe: (token: string) => `/i/${token}/unsubscribe`,
    unsubscribePattern: '/i/:token/unsubscribe',
    unsubscribed: '/unsubscribed',
  },
  /** The published JSON Schema of survey files, which each exported file points at. */
  surveyFileSchema: '/schemas/survey-file.schema.json',
  accessibility: '/accessibility',
  respond: {
    start: survey,
    begin: (organisation: string, slug: string) => `${survey(organisation, slug)}/start`,
    question: (organisation: string, slug: string, questionId: string) =>
      `${survey(organisation, slug)}/questions/${questionId}`,
    /** An information page between questions. */
    informationPage: (organisation: string, slug: string, pageId: string) =>
      `${survey(organisation, slug)}/pages/${pageId}`,
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
    ...device,
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
    informationPage: '/s/:organisation/:survey/pages/:page',
    checkAnswers: '/s/:organisation/:survey/check-answers',
    submit: '/s/:organisation/:survey/submit',
    confirmation: '/s/:organisation/:survey/confirmation',
    talkToSomeone: '/s/:organisation/:survey/talk-to-someone',
    talkToSomeoneSent: '/s/:organisation/:survey/talk-to-someone/sent',
    groupCode: '/s/:organisation/:survey/group',
  },
  device: {
    emailLink: '/s/:organisation/:survey/email-me-a-link',
    emailLinkSent: '/s/:organisation/:survey/email-me-a-link/sent',
    resumeLink: '/s/:organisation/:survey/carry-on/:token',
    startAgain: '/s/:organisation/:survey/start-again',
    sharedStart: '/s/:organisation/:survey/shared/:code',
    stillThere: '/s/:organisation/:survey/still-there',
    idleReset: '/s/:organisation/:survey/reset',
    nextPerson: '/s/:organisation/:survey/next-person',
    dataEntry: '/surveys/:survey/data-entry',
  },
  responseReview: {
    groupSessions: '/surveys/:survey/group-sessions',
    groupSessionEnd: '/surveys/:survey/group-sessions/:code/end',
    heldResponses: '/surveys/:survey/held-responses',
  },
} as const
