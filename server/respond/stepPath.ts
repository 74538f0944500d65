import { paths } from '../paths'
import type { Step } from './journey'

export function stepPath(survey: { organisationSlug: string; slug: string }, step: Step | 'start'): string {
  if (step === 'start') return paths.respond.start(survey.organisationSlug, survey.slug)
  return step.kind === 'question'
    ? paths.respond.question(survey.organisationSlug, survey.slug, step.questionId)
    : paths.respond.checkAnswers(survey.organisationSlug, survey.slug)
}
