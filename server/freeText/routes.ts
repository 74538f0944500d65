import { withThemeTaggingAudited } from '../audit/themeTagging'
import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { Database } from '../db/database'
import { formatDate } from '../i18n/formatDate'
import { isLanguageCode, languages } from '../i18n/languages'
import { postedFields } from '../forms/postedFields'
import { requireRole, signedInOfficer } from '../officers/setUpOfficerArea'
import { paths } from '../paths'
import { countText } from '../statistics/countText'
import { loadManagedSurvey } from '../surveyManagement/surveyRoutes'
import { combinedWordsFor } from '../surveyVersions/combinedWords'
import { loadCombinedSurvey } from '../surveyVersions/loadCombinedSurvey'
import { findOrCreateTheme, listTextAnswers, listThemes, setAnswerThemes, textAnswerExists } from './queries'

const pageSize = 50

const listQuerySchema = z.object({
  q: z.string().trim().max(200).catch(''),
  question: z.string().max(100).catch(''),
  theme: z.uuid().or(z.literal('')).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

const tagSchema = z.object({
  responseId: z.uuid(),
  questionId: z.string().regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$/),
  themes: z.array(z.uuid()).max(100).default([]),
  newTheme: z.string().trim().max(60, 'errors.theme.tooLong').default(''),
  back: z.string().max(500).default(''),
})

async function renderComments(db: Database, req: Request, res: Response) {
  const officer = signedInOfficer(req)
  const survey = await loadManagedSurvey(db, req)
  // Every version's free text, so what was written to a question since removed can still be read.
  const combined = await loadCombinedSurvey(db, {
    organisationId: officer.organisationId,
    surveyId: survey.surveyId,
  })
  const words = combinedWordsFor(combined, req.language)
  const textQuestions = combined.definition.questions.filter((question) => question.type === 'free-text')
  const query = listQuerySchema.parse(postedFields(req.query, ['q', 'question', 'theme', 'page']))
  const chosen = textQuestions.some(({ id }) => id === query.question)
    ? [query.question]
    : textQuestions.map(({ id }) => id)
  const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
  const [{ answers, total }, themes] = await Promise.all([
    listTextAnswers(db, key, {
      questionIds: chosen,
      search: query.q,
      themeId: query.theme || undefined,
      limit: pageSize,
      offset: (query.page - 1) * pageSize,
    }),
    listThemes(db, key),
  ])
  const languageName = (code: string) =>
    (isLanguageCode(code) ? languages.find((each) => each.code === code)?.name : code) ?? code
  res.render('manage/comments', {
    pageTitle: req.t('pages.comments.title', { survey: words.title }),
    surveyTitle: words.title,
    surveyHref: paths.manage.survey(survey.slug),
    action: paths.manage.comments(survey.slug),
    query,
    questions: textQuestions.map(({ id }) => ({ value: id, text: words.questions[id]?.title ?? id })),
    themes: themes.map((theme) => ({
      id: theme.id,
      name: theme.name,
      count: countText(theme.answers, {
        setting: officer.smallNumberThreshold,
        t: req.t,
        language: req.language,
      }),
    })),
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    canTag: officer.role !== 'viewer',
    back: req.originalUrl,
    answers: answers.map((answer) => ({
      ...answer,
      question: words.questions[answer.questionId]?.title ?? answer.questionId,
      // Responses keep only the day they were sent, so no role can be shown the minute.
      when: formatDate(answer.submittedAt, req.language),
      languageName: languageName(answer.language),
    })),
  })
}

/** Officers read what people wrote, search it, and tag answers with themes whose counts the results show. */
export function freeTextRoutes(db: Database): Router {
  const router = Router()
  router.get('/surveys/:survey/comments', (req, res) => renderComments(db, req, res))
  router.post('/surveys/:survey/comments/themes', requireRole('analyst'), async (req, res) => {
    const officer = signedInOfficer(req)
    const survey = await loadManagedSurvey(db, req)
    const body = req.body as Record<string, unknown>
    const parsed = tagSchema.safeParse({ ...body, themes: [body.themes ?? []].flat() })
    const key = { organisationId: officer.organisationId, surveyId: survey.surveyId }
    if (
      !parsed.success ||
      !(await textAnswerExists(db, key, parsed.data.responseId, parsed.data.questionId))
    ) {
      res.status(400)
      return renderComments(db, req, res)
    }
    const { responseId, questionId, themes, newTheme, back } = parsed.data
    await db.transaction(async (tx) => {
      const themeIds = newTheme ? [...themes, await findOrCreateTheme(tx, key, newTheme)] : themes
      const answer = { organisationId: key.organisationId, surveySlug: survey.slug, responseId, questionId }
      await withThemeTaggingAudited(tx, officer, answer, () =>
        setAnswerThemes(tx, key, { responseId, questionId, themeIds }),
      )
    })
    const commentsPath = paths.manage.comments(survey.slug)
    res.redirect(303, back.startsWith(commentsPath) ? back : commentsPath)
  })
  return router
}
