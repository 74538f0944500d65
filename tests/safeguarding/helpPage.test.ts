import request from 'supertest'
import { paths } from '../../server/paths'
import { insertSurvey } from '../helpers/factories'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'

const heard = useSurveyApp(['what-i-need', 'ehcp-experience'])

const linkText = {
  en: 'I want to talk to someone',
  cy: 'Rwy eisiau siarad â rhywun',
  ur: 'مجھے کسی سے بات کرنی ہے',
}
const direction = { en: 'ltr', cy: 'ltr', ur: 'rtl' }
type Language = keyof typeof linkText

const helpPath = (survey = 'what-i-need') => paths.respond.talkToSomeone(heard.organisation.slug, survey)

/** The help link's markup: a link to the help page with a decorative picture before its words. */
function helpLinkIn(html: string) {
  const nav = /<nav class="heard-help-link"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1]
  if (!nav) return undefined
  const picture = nav.indexOf('<img class="heard-help-link__picture" src="/pictures/talk.svg" alt=""')
  const words = nav.indexOf('heard-help-link__words')
  return {
    href: /href="([^"]+)"/.exec(nav)?.[1],
    current: nav.includes('aria-current="page"'),
    pictureFirst: picture >= 0 && picture < words,
    text: />([^<]+)<\/span>/.exec(nav)?.[1],
    beforeMain: html.indexOf('<nav class="heard-help-link"') < html.indexOf('<main'),
  }
}

beforeAll(async () => {
  await insertSurvey(heard.database.db, {
    organisationId: heard.organisation.id,
    template: 'what-i-need',
    slug: 'closed-survey',
    status: 'closed',
  })
})

describe.each(['en', 'cy', 'ur'] as const)(
  'the help link, with no JavaScript, in %s',
  (language: Language) => {
    it('is near the top of every page of a young person’s survey, in the page’s language and direction', async () => {
      const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
      const pages: { name: string; html: string }[] = []
      const visit = async (name: string, path: string) => {
        const page = await respondent.get(path)
        expect({ name, status: page.status }).toEqual({ name, status: 200 })
        pages.push({ name, html: page.text })
      }
      await visit('start', `${respondent.startPath}?lang=${language}`)
      await respondent.post(paths.respond.begin(heard.organisation.slug, 'what-i-need'))
      await visit('question', respondent.questionPath('listened-to'))
      await respondent.answerAll({
        ...statementsRated(),
        'life-better': 'More clubs',
        'age-group': '12-15',
        helper: 'no',
      })
      await visit('check answers', paths.respond.checkAnswers(heard.organisation.slug, 'what-i-need'))
      expect((await respondent.send()).status).toBe(303)
      await visit('thank you', paths.respond.confirmation(heard.organisation.slug, 'what-i-need'))
      await visit('help page', helpPath())
      const closed = await respondent.agent.get(paths.respond.start(heard.organisation.slug, 'closed-survey'))
      expect(closed.status).toBe(410)
      pages.push({ name: 'closed', html: closed.text })
      // A survey that has closed still leads to help that works.
      expect((await respondent.agent.get(helpPath('closed-survey'))).status).toBe(200)

      for (const { name, html } of pages) {
        expect({ name, html: /<html lang="(\w+)" dir="(\w+)"/.exec(html)?.slice(1) }).toEqual({
          name,
          html: [language, direction[language]],
        })
        const link = helpLinkIn(html)
        const survey = name === 'closed' ? 'closed-survey' : 'what-i-need'
        expect({ name, link }).toEqual({
          name,
          link: {
            href: helpPath(survey),
            current: name === 'help page',
            pictureFirst: true,
            text: linkText[language],
            beforeMain: true,
          },
        })
      }
    })
  },
)

describe('the help link on other surveys', () => {
  it('is not on a parent carer survey, which has no help page', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    const start = await respondent.get(respondent.startPath)
    expect(start.status).toBe(200)
    expect(start.text).not.toContain('heard-help-link')
    await respondent.post(paths.respond.begin(heard.organisation.slug, 'ehcp-experience'))
    const question = await respondent.get(respondent.questionPath('assessment-satisfied'))
    expect(question.status).toBe(200)
    expect(question.text).not.toContain('heard-help-link')
    expect((await respondent.agent.get(helpPath('ehcp-experience'))).status).toBe(404)
  })
})

describe('the help page', () => {
  const page = (language: Language) => request(heard.testApp.app).get(`${helpPath()}?lang=${language}`)

  it('says who can help now: Childline (free, by phone and online) and 999, as links', async () => {
    const html = (await page('en')).text
    expect(html).toContain('Childline is for children and young people. It is free.')
    expect(html).toContain('href="tel:08001111">0800 1111</a>')
    expect(html).toContain('href="https://www.childline.org.uk/">childline.org.uk</a>')
    expect(html).toContain('If someone is in danger now, call <a class="govuk-link" href="tel:999">999</a>')
  })

  it('never promises secrecy, and says who will read what is written', async () => {
    const html = (await page('en')).text
    expect(html).toContain(
      `The safeguarding team at Council ${heard.organisation.slug} will read what you write.`,
    )
    expect(html).toContain('They cannot keep it a secret if someone is not safe.')
    expect(html).not.toMatch(/\b(confidential|private|secret between)\b/i)
  })

  it('names the organisation and its own contacts when it has none listed', async () => {
    await heard.database.db.query(
      `UPDATE organisations SET contact_phone = '01632 960 001', local_help = '[]' WHERE id = $1`,
      [heard.organisation.id],
    )
    const html = (await page('en')).text
    expect(html).toContain(`<h3 class="govuk-heading-s">Council ${heard.organisation.slug}</h3>`)
    expect(html).toContain('href="tel:01632960001">01632 960 001</a>')
  })

  it('lists the organisation’s local help, phone numbers as tel: links, only https websites as links', async () => {
    const localHelp = [
      {
        name: 'SENDIASS',
        phone: '0300 123 4567',
        email: 'sendiass@council.example',
        website: 'https://sendiass.council.example',
        description: 'Free advice about SEND.',
      },
      {
        name: "Children's services front door",
        phone: '+44 (0)1632 960 123',
        email: '',
        website: 'javascript:alert(1)',
        description: '',
      },
    ]
    await heard.database.db.query(`UPDATE organisations SET local_help = $2 WHERE id = $1`, [
      heard.organisation.id,
      JSON.stringify(localHelp),
    ])
    const html = (await page('cy')).text
    expect(html).toContain('<h3 class="govuk-heading-s">SENDIASS</h3>')
    expect(html).toContain('href="tel:03001234567">0300 123 4567</a>')
    expect(html).toContain('href="mailto:sendiass@council.example"')
    expect(html).toContain('href="https://sendiass.council.example">sendiass.council.example</a>')
    expect(html).toContain('Children&#39;s services front door')
    expect(html).toContain('href="tel:+441632960123"')
    expect(html).not.toContain('javascript:')
  })

  it('works in Welsh and in Urdu, right to left', async () => {
    const welsh = (await page('cy')).text
    expect(welsh).toMatch(/<html lang="cy" dir="ltr"/)
    expect(welsh).toContain('Ydych chi eisiau i rywun gysylltu â chi?')
    expect(welsh).toContain('href="tel:08001111"')
    const urdu = (await page('ur')).text
    expect(urdu).toMatch(/<html lang="ur" dir="rtl"/)
    expect(urdu).toContain('کیا آپ چاہتے ہیں کہ کوئی آپ سے رابطہ کرے؟')
    expect(urdu).toContain('href="tel:999"')
  })

  it('has a form that works with no JavaScript: every box is in the page and none is hidden by markup', async () => {
    const html = (await page('en')).text
    expect(html).toMatch(new RegExp(`<form method="post" action="${helpPath()}"`))
    for (const name of ['name', 'phone', 'email', 'school', 'message', 'formKey', '_csrf'])
      expect(html).toContain(`name="${name}"`)
    for (const value of ['phone', 'email', 'school', 'none'])
      expect(html).toContain(`name="contactMethod" type="radio" value="${value}"`)
    // Boxes are hidden only once the script has marked the page as able to show them again.
    expect(html).not.toContain('govuk-frontend-supported')
    expect(html).not.toMatch(/<input[^>]+ hidden[ >]/)
    expect(html).toContain('<script src="/js/conditionalReveal.js" defer></script>')
    expect(html).toContain('data-aria-controls="conditional-contactMethod"')
  })

  it('asks to look at survey answers only when this browser has some', async () => {
    expect((await page('en')).text).not.toContain('name="answersMayBeSeen"')
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    const withDraft = await respondent.get(helpPath())
    expect(withDraft.text).toContain('name="answersMayBeSeen" type="checkbox" value="yes">')
    expect(withDraft.text).not.toContain('value="yes" checked')
  })
})
