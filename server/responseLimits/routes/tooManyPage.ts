import type { Response } from 'express'
import type { Translate } from '../../i18n/translator'
import { paths } from '../../paths'
import { surveyLocals, type SurveyContext } from '../../respond/surveyContext'

type Stage = 'start' | 'submit'

/** The page's words: easy read on young people's surveys, each sentence short. */
function wordsFor(t: Translate, easyRead: boolean, stage: Stage, minutes: number) {
  const standard = {
    situation:
      stage === 'start'
        ? t('responseLimits.tooMany.standard.startText')
        : t('responseLimits.tooMany.standard.submitText'),
    safe:
      stage === 'start'
        ? t('responseLimits.tooMany.standard.startSafe')
        : t('responseLimits.tooMany.standard.submitSafe'),
    tryAgain: t('responseLimits.tooMany.standard.tryAgain', { count: minutes }),
    again:
      stage === 'start'
        ? t('responseLimits.tooMany.standard.againStart')
        : t('responseLimits.tooMany.standard.againSubmit'),
    groupHint: t('responseLimits.tooMany.standard.groupHint'),
    groupLink: t('responseLimits.tooMany.standard.groupLink'),
  }
  if (!easyRead) return standard
  return {
    situation:
      stage === 'start'
        ? t('responseLimits.tooMany.easyRead.startText')
        : t('responseLimits.tooMany.easyRead.submitText'),
    safe:
      stage === 'start'
        ? t('responseLimits.tooMany.easyRead.startSafe')
        : t('responseLimits.tooMany.easyRead.submitSafe'),
    tryAgain: t('responseLimits.tooMany.easyRead.tryAgain', { count: minutes }),
    again:
      stage === 'start'
        ? t('responseLimits.tooMany.easyRead.againStart')
        : t('responseLimits.tooMany.easyRead.againSubmit'),
    groupHint: t('responseLimits.tooMany.easyRead.groupHint'),
    groupLink: t('responseLimits.tooMany.easyRead.groupLink'),
  }
}

/**
 * Too many starts or sends from this address just now: status 429 with Retry-After, and a page saying
 * when to try again and that nothing is lost (a refused send leaves the draft as it was).
 */
export function renderTooMany(
  res: Response,
  context: SurveyContext,
  refused: { stage: Stage; retryAfterSeconds: number },
): void {
  const { survey } = context
  const minutes = Math.max(1, Math.ceil(refused.retryAfterSeconds / 60))
  const words = wordsFor(res.req.t, context.version.definition.easyRead, refused.stage, minutes)
  res
    .status(429)
    .set('Retry-After', String(refused.retryAfterSeconds))
    .render('respond/tooMany', {
      ...surveyLocals(context),
      pageTitle: res.req.t('responseLimits.tooMany.title'),
      paragraphs: [words.situation, words.safe, words.tryAgain],
      againText: words.again,
      againHref:
        refused.stage === 'submit'
          ? paths.respond.checkAnswers(survey.organisationSlug, survey.slug)
          : paths.respond.start(survey.organisationSlug, survey.slug),
      groupHint: words.groupHint,
      groupLink: words.groupLink,
      groupCodeHref: paths.respond.groupCode(survey.organisationSlug, survey.slug),
    })
}
