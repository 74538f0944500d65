import type { Request } from 'express'
import { languages } from '../../i18n/languages'
import { audiences } from '../../surveys/definitionSchema'

/**
 * The radios and boxes a new survey and a survey's settings share: who it is for, and the languages
 * besides English it offers, each ticked as the form's values say.
 */
export function surveyChoices(req: Request, values: { audience: string; languages: readonly string[] }) {
  return {
    audiences: audiences.map((audience) => ({
      value: audience,
      text: req.t(`builder.audiences.${audience}`),
      checked: values.audience === audience,
    })),
    languageChoices: languages
      .filter(({ code }) => code !== 'en')
      .map(({ code }) => ({
        value: code,
        text: req.t(`builder.languages.${code}`),
        checked: values.languages.includes(code),
      })),
  }
}
