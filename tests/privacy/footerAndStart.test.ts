import request from 'supertest'
import { paths } from '../../server/paths'
import { parsePeriod } from '../../server/scorecards/model/periods'
import { publishScorecard } from '../../server/scorecards/store/publishing'
import { insertSurvey } from '../helpers/factories'
import { addOfficer, signedInAs } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { visibleText } from '../helpers/scorecards'

const heard = useSurveyApp(['what-i-need', 'ehcp-experience'])
const slug = () => heard.organisation.slug
const pages = paths.organisationPages

const whatINeedAnswers = {
  'listened-to': 'very-important',
  healthiest: 'important',
  safe: 'very-important',
  'accepted-valued': 'dont-know',
  'prepared-future': 'not-important',
  'enjoy-life': 'very-important',
  'life-better': 'More clubs',
  'age-group': '12-15',
  helper: 'parent-carer',
}

/** The links in the page's footer, in order. */
const footerLinks = (html: string): string[] => {
  const footer = html.slice(html.indexOf('<footer'))
  return [...footer.matchAll(/<a class="govuk-footer__link" href="([^"]+)"/g)].map((match) => match[1] ?? '')
}

const easyReadFooter = () => [
  pages.easyReadPrivacy(slug()),
  pages.privacy(slug()),
  pages.accessibility(slug()),
  pages.contact(slug()),
  paths.accessibility,
]
const plainFooter = () => [
  pages.privacy(slug()),
  pages.accessibility(slug()),
  pages.contact(slug()),
  paths.accessibility,
]

describe('the footer of every page that belongs to an organisation', () => {
  it("a young person's easy-read survey links the easy-read privacy notice, with the full one beside it, on every page", async () => {
    const respondent = new Respondent(heard.testApp.app, slug(), 'what-i-need')
    const start = await respondent.get(respondent.startPath)
    expect(footerLinks(start.text)).toEqual(easyReadFooter())
    await respondent.begin()
    const question = await respondent.get(respondent.questionPath('listened-to'))
    expect(footerLinks(question.text)).toEqual(easyReadFooter())
    await respondent.answerAll(whatINeedAnswers)
    const check = await respondent.get(paths.respond.checkAnswers(slug(), 'what-i-need'))
    expect(check.status).toBe(200)
    expect(footerLinks(check.text)).toEqual(easyReadFooter())
    expect((await respondent.send()).status).toBe(303)
    const confirmation = await respondent.confirmation()
    expect(confirmation.status).toBe(200)
    expect(footerLinks(confirmation.text)).toEqual(easyReadFooter())
  })

  it('a question page with an error keeps the footer', async () => {
    const respondent = new Respondent(heard.testApp.app, slug(), 'what-i-need')
    await respondent.begin()
    const refused = await respondent.answer('listened-to', undefined)
    expect(refused.status).toBe(400)
    expect(footerLinks(refused.text)).toEqual(easyReadFooter())
  })

  it("the parent carers' survey links the full privacy notice only", async () => {
    const respondent = new Respondent(heard.testApp.app, slug(), 'ehcp-experience')
    expect(footerLinks((await respondent.get(respondent.startPath)).text)).toEqual(plainFooter())
    await respondent.begin()
    const question = await respondent.get(respondent.questionPath('assessment-satisfied'))
    expect(footerLinks(question.text)).toEqual(plainFooter())
  })

  it('the public pages of the organisation, and its published scorecards, have the same footer', async () => {
    for (const path of [pages.privacy(slug()), pages.accessibility(slug()), pages.contact(slug())])
      expect(footerLinks((await request(heard.testApp.app).get(path)).text)).toEqual(plainFooter())
    expect(footerLinks((await request(heard.testApp.app).get(pages.easyReadPrivacy(slug()))).text)).toEqual(
      easyReadFooter(),
    )

    const list = await request(heard.testApp.app).get(paths.publicScorecards.list(slug()))
    expect(list.status).toBe(200)
    expect(footerLinks(list.text)).toEqual(plainFooter())
    const officer = await addOfficer(heard.database.db, heard.organisation.id, 'admin')
    const quarter = parsePeriod('quarterly', '2026-q1')
    if (!quarter) throw new Error('No such quarter')
    await publishScorecard(heard.database.db, {
      organisation: {
        id: heard.organisation.id,
        name: `Council ${slug()}`,
        slug: slug(),
        smallNumberThreshold: 10,
      },
      asAt: quarter,
      officer,
    })
    const snapshot = await request(heard.testApp.app).get(paths.publicScorecards.snapshot(slug(), '2026-Q1'))
    expect(snapshot.status).toBe(200)
    expect(footerLinks(snapshot.text)).toEqual(plainFooter())
  })

  it('pages of no organisation keep the general accessibility link only', async () => {
    for (const path of [paths.home, paths.accessibility, paths.signIn.request])
      expect(footerLinks((await request(heard.testApp.app).get(path)).text)).toEqual([paths.accessibility])
    const officer = await signedInAs(heard.testApp.app, heard.database.db, {
      organisationId: heard.organisation.id,
      role: 'admin',
    })
    expect(footerLinks((await officer.get(paths.manage.surveys)).text)).toEqual([paths.accessibility])
    expect(footerLinks((await officer.get(paths.settings.home)).text)).toEqual([paths.accessibility])
  })
})

describe('what the start page says about the answers', () => {
  const startText = async (survey: string, language?: string) => {
    const agent = request.agent(heard.testApp.app)
    const page = await agent.get(
      `${paths.respond.start(slug(), survey)}${language ? `?lang=${language}` : ''}`,
    )
    return { html: page.text, text: visibleText(page.text) }
  }

  it("says who runs it, that answers are anonymous, who sees them and the organisation's period, in easy read", async () => {
    const { html, text } = await startText('what-i-need')
    expect(text).toContain(`Council ${slug()} runs this survey.`)
    expect(text).toContain('Your answers do not have your name on them.')
    expect(text).toContain(`People at Council ${slug()} who plan help will read them.`)
    expect(text).toContain('We keep your answers for 24 months after the survey ends.')
    expect(html).toContain(
      `<a class="govuk-link" href="${pages.easyReadPrivacy(slug())}">How we look after your answers</a>`,
    )
  })

  it('says it in plain English on the parent carers survey, with the full privacy notice', async () => {
    const { html, text } = await startText('ehcp-experience')
    expect(text).toContain(`This survey is run by Council ${slug()}.`)
    expect(text).toContain('Your answers are anonymous')
    expect(text).toContain('numbers from small groups are hidden')
    expect(text).toContain('We keep the answers for 24 months after the survey closes, then delete them.')
    expect(html).toContain(
      `<a class="govuk-link" href="${pages.privacy(slug())}">Read our privacy notice</a>`,
    )
  })

  it("uses the public name and the organisation's own period once set, and a survey's own period above both", async () => {
    await heard.database.db.query(
      `UPDATE organisations SET public_name = 'Northshire County Council', retention_months = 36 WHERE id = $1`,
      [heard.organisation.id],
    )
    let { text } = await startText('what-i-need')
    expect(text).toContain('Northshire County Council runs this survey.')
    expect(text).toContain('We keep your answers for 36 months after the survey ends.')
    await heard.database.db.query(
      `UPDATE surveys SET retention_months = 1 WHERE organisation_id = $1 AND slug = 'what-i-need'`,
      [heard.organisation.id],
    )
    ;({ text } = await startText('what-i-need'))
    expect(text).toContain('We keep your answers for 1 month after the survey ends.')
    ;({ text } = await startText('ehcp-experience'))
    expect(text).toContain('We keep the answers for 36 months after the survey closes')
  })

  it('says it in Welsh and in Urdu too', async () => {
    const welsh = await startText('ehcp-experience', 'cy')
    expect(welsh.text).toContain("Northshire County Council sy'n cynnal yr arolwg hwn.")
    expect(welsh.text).toContain('36 mis')
    const urdu = await startText('what-i-need', 'ur')
    expect(urdu.html).toContain('lang="ur" dir="rtl"')
    expect(urdu.text).toContain('یہ سروے Northshire County Council چلاتا ہے۔')
  })

  it("a survey without a period of its own uses the organisation's", async () => {
    const other = await insertSurvey(heard.database.db, {
      organisationId: heard.organisation.id,
      template: 'what-i-need',
      slug: 'second-survey',
    })
    expect(other.slug).toBe('second-survey')
    const { text } = await startText('second-survey')
    expect(text).toContain('We keep your answers for 36 months after the survey ends.')
  })
})
