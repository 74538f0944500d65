import type { Database, Queryable } from '../../db/database'
import { recordAudit } from '../../audit/recordAudit'
import type { LanguageCode } from '../../i18n/languages'
import { defaultPhrases } from './phraseDefaults'
import { foldText } from './phraseMatching'
import { deletePhrase, insertPhrases, listOwnPhrases, lockPhraseLists } from './phraseQueries'
import type { PhrasesByLanguage } from './scanFreeText'

export interface PhraseList {
  language: LanguageCode
  phrases: readonly string[]
  /** false while the organisation still uses the list shipped for the language. */
  own: boolean
}

/** An organisation's list for a language: its own once it has changed it, else the defaults. */
export async function loadPhraseList(
  db: Queryable,
  organisationId: string,
  language: LanguageCode,
): Promise<PhraseList> {
  const own = (await listOwnPhrases(db, organisationId, [language])).map((row) => row.phrase)
  return own.length > 0
    ? { language, phrases: own, own: true }
    : { language, phrases: defaultPhrases(language), own: false }
}

/** The lists a response is searched with: its own language's and English, as young people mix them. */
export async function loadPhrasesForScan(
  db: Queryable,
  organisationId: string,
  language: LanguageCode,
): Promise<PhrasesByLanguage> {
  const languages: LanguageCode[] = language === 'en' ? ['en'] : [language, 'en']
  const own = await listOwnPhrases(db, organisationId, languages)
  return Object.fromEntries(
    languages.map((code) => {
      const phrases = own.filter((row) => row.language === code).map((row) => row.phrase)
      return [code, phrases.length > 0 ? phrases : defaultPhrases(code)]
    }),
  )
}

interface PhraseChange {
  organisationId: string
  officer: { id: string; email: string }
  language: LanguageCode
  phrase: string
}

/**
 * Changes a list in one transaction with its audit entry, or writes nothing at all when the change is
 * refused. The first change copies the defaults in, so the list becomes the organisation's own.
 */
async function changeList<Refusal extends string>(
  db: Database,
  change: PhraseChange,
  steps: {
    refusal: (current: readonly string[]) => Refusal | undefined
    apply: (tx: Queryable) => Promise<void>
  },
): Promise<Refusal | 'done'> {
  return db.transaction(async (tx) => {
    await lockPhraseLists(tx, change.organisationId)
    const list = await loadPhraseList(tx, change.organisationId, change.language)
    const refusal = steps.refusal(list.phrases)
    if (refusal) return refusal
    if (!list.own) await insertPhrases(tx, change, list.phrases)
    await steps.apply(tx)
    return 'done'
  })
}

export async function addPhrase(db: Database, change: PhraseChange): Promise<'done' | 'taken'> {
  const folded = foldText(change.phrase)
  return changeList(db, change, {
    refusal: (current) => (current.some((phrase) => foldText(phrase) === folded) ? 'taken' : undefined),
    apply: async (tx) => {
      await insertPhrases(tx, change, [change.phrase])
      await audit(tx, change, 'safeguarding-phrase-added')
    },
  })
}

/**
 * A list cannot lose its last phrase: an empty list would mean "the defaults" again, and a list that
 * finds nothing would silently stop every free-text alert.
 */
export async function removePhrase(db: Database, change: PhraseChange): Promise<'done' | 'missing' | 'last'> {
  return changeList(db, change, {
    refusal: (current) =>
      !current.includes(change.phrase) ? 'missing' : current.length === 1 ? 'last' : undefined,
    apply: async (tx) => {
      await deletePhrase(tx, change, change.phrase)
      await audit(tx, change, 'safeguarding-phrase-removed')
    },
  })
}

const audit = (
  tx: Queryable,
  change: PhraseChange,
  action: 'safeguarding-phrase-added' | 'safeguarding-phrase-removed',
) =>
  recordAudit(tx, {
    organisationId: change.organisationId,
    officer: change.officer,
    action,
    subject: change.phrase,
    details: { language: change.language },
  })
