import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Database, Queryable } from '../../db/database'
import { NotFoundError } from '../../errors'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { defaultLanguage, isLanguageCode, languages, type LanguageCode } from '../../i18n/languages'
import type { Translate } from '../../i18n/translator'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { recordTranslations } from '../../audit/scorecardChanges'
import { commentaryId, textKey } from '../model/translations'
import type { TextSubject } from '../model/types'
import { listCommentary } from '../store/commentaryQueries'
import { listIndicators } from '../store/indicatorQueries'
import { listOutcomes } from '../store/outcomeQueries'
import { listTranslations, listSurveyLanguages, saveTranslations } from '../store/translationQueries'
import { listYouSaidWeDid } from '../store/youSaidWeDidQueries'

/** Each kind of text may be as long in translation as its English column allows. */
const longest: Record<TextSubject, number> = {
  outcome: 200,
  indicator: 300,
  commentary: 1000,
  'you-said': 1000,
  'we-did': 1000,
}

interface TranslatableText {
  subject: TextSubject
  subjectId: string
  key: string
  /** The form field's id: the key with only characters an id selector takes as they are. */
  id: string
  section: 'outcomes' | 'indicators' | 'commentary' | 'youSaidWeDid'
  /** What the text is, for its label: "Outcome 2", "Indicator 1.3, 2026-Q3". */
  label: string
  english: string
}

const translatable = (
  subject: TextSubject,
  subjectId: string,
  section: TranslatableText['section'],
  label: string,
  english: string,
): TranslatableText => {
  const key = textKey(subject, subjectId)
  return {
    subject,
    subjectId,
    key,
    id: `text-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`,
    section,
    label,
    english,
  }
}

/** Every officer text a published scorecard or survey page can show, in the order the scorecard has them. */
async function translatableTexts(
  db: Queryable,
  organisationId: string,
  t: Translate,
): Promise<TranslatableText[]> {
  const [outcomes, indicators, commentary, entries] = await Promise.all([
    listOutcomes(db, organisationId),
    listIndicators(db, organisationId),
    listCommentary(db, organisationId),
    listYouSaidWeDid(db, organisationId),
  ])
  return [
    ...outcomes.map((outcome) =>
      translatable(
        'outcome',
        outcome.id,
        'outcomes',
        t('pages.translations.outcome', { number: outcome.position }),
        outcome.statement,
      ),
    ),
    ...indicators.map((indicator) =>
      translatable(
        'indicator',
        indicator.id,
        'indicators',
        t('pages.translations.indicator', { number: indicator.number }),
        indicator.wording,
      ),
    ),
    ...indicators.flatMap((indicator) =>
      [...(commentary.get(indicator.id) ?? new Map<string, string>())]
        .sort(([a], [b]) => b.localeCompare(a))
        .map(([period, text]) =>
          translatable(
            'commentary',
            commentaryId(indicator.id, period),
            'commentary',
            t('pages.translations.commentary', { number: indicator.number, period }),
            text,
          ),
        ),
    ),
    ...entries.flatMap((entry, index) => [
      translatable(
        'you-said',
        entry.id,
        'youSaidWeDid',
        t('pages.translations.youSaid', { number: index + 1 }),
        entry.youSaid,
      ),
      translatable(
        'we-did',
        entry.id,
        'youSaidWeDid',
        t('pages.translations.weDid', { number: index + 1 }),
        entry.weDid,
      ),
    ]),
  ]
}

/**
 * The languages an organisation writes in besides English: those its surveys are offered in, or
 * every language Heard speaks while none is.
 */
async function otherLanguages(db: Queryable, organisationId: string): Promise<LanguageCode[]> {
  const others = languages.map((language) => language.code).filter((code) => code !== defaultLanguage)
  const offered = new Set((await listSurveyLanguages(db, organisationId)).flatMap((each) => each ?? others))
  const used = others.filter((code) => offered.has(code))
  return used.length > 0 ? used : others
}

function chosenLanguage(asked: unknown, offered: readonly LanguageCode[]): LanguageCode {
  if (asked === undefined) return offered[0] ?? 'cy'
  if (!isLanguageCode(asked) || !offered.includes(asked))
    throw new NotFoundError('Not a language of this organisation')
  return asked
}

async function render(
  db: Database,
  req: Request,
  res: Response,
  form: {
    language?: LanguageCode
    posted?: Record<string, string>
    errors?: FormErrors
    saved?: boolean
  } = {},
) {
  const { organisationId } = signedInOfficer(req)
  const offered = await otherLanguages(db, organisationId)
  const language = form.language ?? chosenLanguage(req.query.language, offered)
  const [texts, stored] = await Promise.all([
    translatableTexts(db, organisationId, req.t),
    listTranslations(db, organisationId),
  ])
  const translated = new Map(
    stored.map((each) => [`${each.language} ${textKey(each.subject, each.subjectId)}`, each.text]),
  )
  const missingIn = (code: LanguageCode) =>
    texts.filter((text) => !translated.has(`${code} ${text.key}`)).length
  const errors = form.errors ?? noErrors
  const languageName = languages.find((each) => each.code === language)?.name ?? language
  const sections = (['outcomes', 'indicators', 'commentary', 'youSaidWeDid'] as const).map((section) => ({
    heading: req.t(`pages.translations.sections.${section}`),
    texts: texts
      .filter((text) => text.section === section)
      .map((text) => ({
        ...text,
        value: form.posted?.[text.key] ?? translated.get(`${language} ${text.key}`) ?? '',
        missing: !translated.has(`${language} ${text.key}`),
        error: errors.fields[text.key],
      })),
  }))
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/translations', {
    pageTitle: req.t('pages.translations.title', { language: languageName }),
    hasErrors: errors.errorList.length > 0,
    errors,
    saved: form.saved ?? req.query.saved === '1',
    // Not `language`: that is the page's own, for its lang attribute.
    into: language,
    intoName: languageName,
    intoDir: languages.find((each) => each.code === language)?.dir ?? 'ltr',
    choices: offered.map((code) => ({
      code,
      name: languages.find((each) => each.code === code)?.name ?? code,
      href: `${paths.manage.scorecardTranslations}?language=${code}`,
      current: code === language,
      missing: req.t('pages.translations.missingCount', { count: missingIn(code) }),
    })),
    missing: missingIn(language),
    sections,
  })
}

/** How many of an organisation's texts each of its other languages still lacks, for the scorecards page. */
export async function missingTranslations(db: Queryable, organisationId: string, t: Translate) {
  const [offered, texts, stored] = await Promise.all([
    otherLanguages(db, organisationId),
    translatableTexts(db, organisationId, t),
    listTranslations(db, organisationId),
  ])
  const translated = new Set(
    stored.map((each) => `${each.language} ${textKey(each.subject, each.subjectId)}`),
  )
  return offered
    .map((code) => ({
      code,
      name: languages.find((each) => each.code === code)?.name ?? code,
      href: `${paths.manage.scorecardTranslations}?language=${code}`,
      count: texts.filter((text) => !translated.has(`${code} ${text.key}`)).length,
    }))
    .filter((each) => each.count > 0)
}

export const translationsPage = (db: Database) => async (req: Request, res: Response) => {
  await render(db, req, res)
}

/**
 * Saves every text of one language at once: each checked against its English column's limit, and
 * all kept as typed when any is too long, so nothing is saved by halves. An emptied text is
 * removed, and its English shows again.
 */
export const saveTranslationsForm = (db: Database) => async (req: Request, res: Response) => {
  const officer = signedInOfficer(req)
  const body = (req.body ?? {}) as Record<string, unknown>
  const offered = await otherLanguages(db, officer.organisationId)
  const language = chosenLanguage(body.language, offered)
  const texts = await translatableTexts(db, officer.organisationId, req.t)
  const name = languages.find((each) => each.code === language)?.name ?? language
  // One field a text, each as long as its English column allows; a text not posted is left as it is.
  const schema = z.object(
    Object.fromEntries(
      texts.map((text) => [text.key, z.string().trim().max(longest[text.subject]).optional()]),
    ),
  )
  const posted: Record<string, string | undefined> = Object.fromEntries(
    texts.map((text) => {
      const value = body[text.key]
      return [text.key, typeof value === 'string' ? value : undefined]
    }),
  )
  const parsed = schema.safeParse(posted)
  if (!parsed.success) {
    const errors: FormErrors = { errorList: [], fields: {} }
    for (const issue of parsed.error.issues) {
      const text = texts.find((each) => each.key === issue.path[0])
      if (!text || text.key in errors.fields) continue
      const message = req.t('pages.translations.tooLong', {
        label: text.label,
        language: name,
        max: longest[text.subject],
      })
      errors.fields[text.key] = { text: message, visuallyHiddenText: req.t('errors.visuallyHidden') }
      errors.errorList.push({ text: message, href: `#${text.id}` })
    }
    const kept = Object.fromEntries(texts.map((text) => [text.key, posted[text.key] ?? '']))
    await render(db, req, res, { language, posted: kept, errors })
    return
  }
  const stored = new Map(
    (await listTranslations(db, officer.organisationId, language)).map((each) => [
      textKey(each.subject, each.subjectId),
      each.text,
    ]),
  )
  const changed = texts
    .filter((text) => typeof parsed.data[text.key] === 'string')
    .map((text) => ({ ...text, text: parsed.data[text.key] ?? '' }))
    .filter((text) => text.text !== (stored.get(text.key) ?? ''))
  if (changed.length > 0)
    await db.transaction(async (tx) => {
      await recordTranslations(tx, officer, {
        language,
        before: Object.fromEntries(changed.map((text) => [text.key, stored.get(text.key) ?? null])),
        after: Object.fromEntries(changed.map((text) => [text.key, text.text === '' ? null : text.text])),
      })
      await saveTranslations(tx, officer.organisationId, language, changed, officer.email)
    })
  res.redirect(303, `${paths.manage.scorecardTranslations}?language=${language}&saved=1`)
}
