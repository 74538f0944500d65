import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { paths } from '../../paths'
import { aboutYouQuestions } from '../../surveys/aboutYou'
import { addQuestions } from '../model/questionEdits'
import { loadBuilder, saveEdit, toFormErrors } from './builderRequest'
import { renderBuilderHome } from './homeRoutes'

/** Adds the optional "about you" set in one step, each with "prefer not to say"; refused if already there. */
export function addAboutYou(db: Database) {
  return async (req: Request, res: Response) => {
    const survey = await loadBuilder(db, req)
    const set = aboutYouQuestions(survey.copy.definition.audience)
    const saved = await saveEdit(db, req, {
      change: 'about-you-added',
      edit: (copy) => {
        const present = new Set(copy.definition.questions.map((question) => question.id))
        const missing = set.questions.filter((question) => !present.has(question.id))
        if (missing.length === 0)
          return { ok: false, problems: [{ field: 'about-you', key: 'builder.errors.aboutYouThere' }] }
        return { ok: true, copy: addQuestions(copy, { questions: missing, words: set.words }) }
      },
      fieldOf: () => 'about-you',
    })
    if (!saved.ok) {
      renderBuilderHome(req, res, survey, toFormErrors(saved.problems, req.t))
      return
    }
    res.redirect(303, paths.manage.builder.home(survey.slug))
  }
}
