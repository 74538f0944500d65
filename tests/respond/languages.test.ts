import request from 'supertest'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'

const heard = useSurveyApp(['what-i-need'])

const answers = {
  'listened-to': 'very-important',
  healthiest: 'very-important',
  safe: 'important',
  'accepted-valued': 'important',
  'prepared-future': 'dont-know',
  'enjoy-life': 'very-important',
  'life-better': 'مزید کلب',
  'age-group': '8-11',
  helper: 'school',
}

const htmlTag = (html: string) => /<html [^>]*>/.exec(html)?.[0] ?? ''

describe.each([
  { language: 'cy', dir: 'ltr', start: 'Dechrau nawr' },
  { language: 'ur', dir: 'rtl', start: 'ابھی شروع کریں' },
])('the whole journey in $language', ({ language, dir }) => {
  it('keeps the language on every page and records it with the response', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin(language)
    const pages = [
      await respondent.get(respondent.startPath),
      await respondent.get(respondent.questionPath('listened-to')),
    ]
    await respondent.answerAll(answers)
    pages.push(await respondent.get(`/s/${heard.organisation.slug}/what-i-need/check-answers`))
    await respondent.send()
    pages.push(await respondent.confirmation())
    for (const page of pages) {
      expect(page.status).toBe(200)
      expect(htmlTag(page.text)).toContain(`lang="${language}"`)
      expect(htmlTag(page.text)).toContain(`dir="${dir}"`)
      expect(page.text).not.toContain('Continue</button>')
    }
    const [row] = await heard.database.db.query<{ language: string; answers: Record<string, unknown> }>(
      'SELECT language, answers FROM responses WHERE language = $1',
      [language],
    )
    expect(row?.answers['prepared-future']).toBe('dont-know')
    expect(row?.answers['life-better']).toBe('مزید کلب')
  })
})

describe('language links', () => {
  it('appear on every page, each written in its own language with lang and hreflang', async () => {
    for (const path of [
      '/',
      `/s/${heard.organisation.slug}/what-i-need`,
      '/accessibility',
      '/no-such-page',
    ]) {
      const page = await request(heard.testApp.app).get(path)
      expect(page.text).toContain(
        `<a class="govuk-link heard-language-link" href="${path}?lang=cy" lang="cy" hreflang="cy">Cymraeg</a>`,
      )
      expect(page.text).toContain(`href="${path}?lang=ur" lang="ur" hreflang="ur">اردو</a>`)
      expect(page.text).toMatch(
        /<span class="heard-language-switcher__current" lang="en" aria-current="true">English<\/span>/,
      )
    }
  })

  it('stores the same option values whatever the language; only the words change', async () => {
    const english = await request(heard.testApp.app).get(`/s/${heard.organisation.slug}/what-i-need`)
    expect(english.text).toContain('Start now')
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin('ur')
    const page = await respondent.get(respondent.questionPath('listened-to'))
    expect(page.text).toContain('value="very-important"')
    expect(page.text).toContain('value="dont-know"')
  })

  it('an unknown language is ignored and English stays', async () => {
    const page = await request(heard.testApp.app).get('/?lang=xx')
    expect(htmlTag(page.text)).toContain('lang="en"')
  })

  it('a language changed half way is the language the response records', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    await respondent.answer('listened-to', 'important')
    await respondent.get(`${respondent.questionPath('healthiest')}?lang=cy`)
    await respondent.answerAll({ ...answers, 'listened-to': 'important', 'life-better': 'changed language' })
    await respondent.send()
    const rows = await heard.database.db.query<{ language: string }>(
      `SELECT language FROM responses WHERE answers->>'life-better' = 'changed language'`,
    )
    expect(rows.map((row) => row.language)).toEqual(['cy'])
  })
})
