/**
 * Easy-read checks: the one set of rules that the template tests, the words editor, the survey
 * builder and opening a survey all use. Pure: no Express, no SQL.
 *
 * API (stable; others rely on these names):
 * - checkText(text, { easyRead, language, field? }): WordsProblem[]
 *     one piece of text (a form box): sentence length (15 words in easy read, 25 otherwise),
 *     jargon (English easy read), reading grade (English easy read, 20 words or more).
 * - checkSurveyWords(definition, wordsByLanguage): WordsProblem[]
 *     a whole survey, for each offered language: missing words, then sentence length and jargon
 *     by field, then one reading-grade warning per language (field 'survey').
 * - WordsProblem = { language, field, kind, blocking, sentence?, words?, limit?, term?, instead?, grade? }
 *     kind: 'sentence-too-long' | 'jargon' | 'reading-grade' | 'missing-words'
 *     field: 'title' | 'start.purpose.N' | 'start.answers.N' | 'questions.<id>.title|hint|pictureAlt'
 *       | 'questions.<id>.options.<value>' | 'questions.<id>.optionHints.<value>'
 *       | 'pages.<id>.title' | 'pages.<id>.body[.N]' | 'survey'
 *     blocking: sentence length and jargon in easy-read surveys, missing words in any survey;
 *       reading grade and long sentences in other surveys are warnings.
 * - blockingProblems(problems), warnings(problems), isMissingWords(problem)
 *     missing words can never be overridden; other blocking problems an admin may override.
 * - describeProblem(problem, t): string and describeField(field, definition, t): string
 *     the problem and its place in the officer's language.
 * - offeredLanguages(definition, words), surveyTextInOrder(definition, words),
 *   sentencesOf(text), wordsOf(sentence), findJargon(text), jargonTerms.
 */
export { checkText, type TextCheckOptions } from './checkText'
export { checkSurveyWords } from './checkSurveyWords'
export { describeField, describeProblem } from './describeProblem'
export { findJargon, jargonTerms, type JargonTerm, type JargonUse } from './jargon'
export { missingWords, offeredLanguages } from './missingWords'
export {
  blockingProblems,
  isMissingWords,
  warnings,
  type WordsProblem,
  type WordsProblemKind,
} from './problems'
export { easyReadGradeLimit, readingGradeOf } from './readingGrade'
export { sentenceLimit, sentencesOf, wordsOf } from './sentences'
export { surveyTextInOrder, type SurveyTextPiece } from './surveyText'
