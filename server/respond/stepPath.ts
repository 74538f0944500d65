import { paths } from '../paths'
import type { Step } from './journey'

export function stepPath(survey: { organisationSlug: string; slug: string }, step: Step | 'start'): string {
  if (step === 'start') return paths.respond.start(survey.organisationSlug, survey.slug)
  if (step.kind === 'question')
    return paths.respond.question(survey.organisationSlug, survey.slug, step.questionId)
  if (step.kind === 'page')
    return paths.respond.informationPage(survey.organisationSlug, survey.slug, step.pageId)
  return paths.respond.checkAnswers(survey.organisationSlug, survey.slug)
}
