import request from 'supertest'
import { blockingProblems, checkText, findJargon } from '../../server/easyRead'
import { createTranslator, readLocaleFile } from '../../server/i18n/translator'
import { paths } from '../../server/paths'
import { inTens } from '../../server/scorecards/model/easyReadView'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { alikeResponses, startFrameworkFromTemplate, visibleText } from '../helpers/scorecards'
import { useSurveyApp } from '../helpers/surveyApp'
import { workQueuedRuns } from '../helpers/scorecardRuns'

const fixture = useSurveyApp(['what-i-need'])
let admin: Agent
const visitor = () => request(fixture.testApp.app)
const easyRead = () => paths.publicScorecards.easyRead(fixture.organisation.slug, 'latest')
const main = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? ''

/** Every string under a key of the English words, with its key. */
function stringsUnder(tree: unknown, key: string): [string, string][] {
  if (typeof tree === 'string') return [[key, tree]]
  if (Array.isArray(tree)) return tree.flatMap((item, index) => stringsUnder(item, `${key}.${String(index)}`))
  if (tree && typeof tree === 'object')
    return Object.entries(tree).flatMap(([name, value]) => stringsUnder(value, `${key}.${name}`))
  return []
}

describe('figures in tenths', () => {
  it.each([
    [75, 'About 8 in 10'],
    [70, 'About 7 in 10'],
    [12, 'About 1 in 10'],
    [4, 'Fewer than 1 in 10'],
    [0, 'Nobody'],
    [96, 'Almost everyone'],
    [100, 'Everyone'],
  ])('says %d%% as "%s"', async (percentage, words) => {
    const t = (await createTranslator())('en')
    expect(inTens(percentage, { t, language: 'en' })).toBe(words)
  })
})

describe('the easy-read words of scorecards', () => {
  const words = readLocaleFile('en', 'common')
  const strings = stringsUnder(words.easyReadScorecard, 'easyReadScorecard').filter(
    ([key]) => !key.endsWith('.title') && !key.endsWith('Link'),
  )

  it('has the words to check', () => {
    expect(strings.length).toBeGreaterThan(30)
  })

  it.each(strings)('%s is short sentences with no jargon', (_, text) => {
    // Placeholders stand for a number or a period's name when the page is made.
    const filled = text.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
      name === 'period' ? 'July to September' : '8',
    )
    expect(blockingProblems(checkText(filled, { easyRead: true, language: 'en' }))).toEqual([])
  })
})

describe('a published scorecard in easy read', () => {
  beforeAll(async () => {
    const { db } = fixture.database
    admin = await signedInAs(fixture.testApp.app, db, {
      organisationId: fixture.organisation.id,
      role: 'admin',
    })
    const survey = {
      organisationId: fixture.organisation.id,
      surveyId: fixture.surveyIds['what-i-need'] ?? '',
    }
    await insertResponses(db, survey, [
      ...alikeResponses(12, 'very-important', '2026-04-15T12:00:00+01:00'),
      ...alikeResponses(10, 'not-important', '2026-04-16T12:00:00+01:00'),
      ...alikeResponses(30, 'very-important', '2026-07-15T12:00:00+01:00'),
      ...alikeResponses(10, 'not-important', '2026-08-15T12:00:00+01:00'),
    ])
    await startFrameworkFromTemplate(admin)
    await postForm(admin, paths.manage.scorecardYouSaidWeDid, paths.manage.scorecardYouSaidWeDid, {
      youSaid: 'There is nothing to do in the holidays.',
      weDid: 'We paid for three holiday clubs.',
      survey: '',
    })
    const published = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    if (published.status !== 303) throw new Error('Could not publish')
    await workQueuedRuns(fixture.testApp)
  })

  it('is linked from the standard version, which explains its own words', async () => {
    const standard = await visitor().get(paths.publicScorecards.latest(fixture.organisation.slug))
    expect(standard.text).toContain(
      `href="${paths.publicScorecards.easyRead(fixture.organisation.slug, '2026-Q3')}"`,
    )
    expect(standard.text).toContain('Easy read version')
    const glossary = visibleText(standard.text.slice(standard.text.indexOf('id="words"')))
    for (const term of ['RAG rating', 'n', '95% interval', 'No real change', 'Withheld', 'Baseline'])
      expect(glossary).toContain(term)
    expect(glossary).toContain('We are 95% sure it is between these two numbers.')
  })

  it('puts each figure in plain words, with a picture beside each outcome', async () => {
    const page = await visitor().get(easyRead())
    expect(page.status).toBe(200)
    expect(page.text).toContain('<main class="govuk-main-wrapper heard-easy-read"')
    expect(page.text).toContain('<title>Easy read: how we are doing')
    const text = visibleText(main(page.text))
    expect(page.text).toContain('src="/pictures/ear.svg"')
    expect(page.text).toContain('src="/pictures/family.svg"')
    // 30 of 40 said "very important" to being listened to: 75%, so about 8 in 10.
    expect(text).toContain('About 8 in 10 40 people answered.')
    expect(text).toContain('We have not set a target for this yet.')
    expect(text).toContain('It is better than last time.')
    expect(text).toContain('What this means')
    expect(text).toContain(
      'We did not ask everyone. So the real number could be a little higher or a little lower.',
    )
    expect(text).toContain('When fewer than 10 people answer, we do not show the number.')
    expect(text).toContain('You told us. We did this.')
    expect(text).toContain('We paid for three holiday clubs.')
  })

  it('has a table beside every chart, and no statistics words', async () => {
    const page = main((await visitor().get(easyRead())).text)
    const tables = page.match(/<table\b/g) ?? []
    expect(tables.length).toBe(7)
    expect(page).toContain('What we found before')
    const text = visibleText(page)
    // The officers' indicator names are their own words; the words around them are checked here.
    const ours = text.replace(/% of [^.”]*[.”]+/g, '')
    expect(findJargon(ours)).toEqual([])
    for (const word of ['interval', 'n =', 'RAG', 'Green', 'Amber', 'Red:', 'No real change'])
      expect(ours).not.toContain(word)
  })

  it('comes in Welsh and Urdu, with the officers’ English marked as English', async () => {
    const welsh = await visitor().get(`${easyRead()}?lang=cy`)
    expect(welsh.text).toContain('<html lang="cy" dir="ltr"')
    expect(welsh.text).toContain('Tua 8 o bob 10')
    expect(welsh.text).toContain('Beth mae hyn yn ei olygu')
    expect(welsh.text).toContain('<bdi lang="en" dir="ltr">We paid for three holiday clubs.</bdi>')
    const urdu = await visitor().get(`${easyRead()}?lang=ur`)
    expect(urdu.text).toContain('<html lang="ur" dir="rtl"')
    expect(urdu.text).toContain('10 میں سے تقریباً 8')
  })

  it('is a 404 page for a period not published', async () => {
    const response = await visitor().get(
      paths.publicScorecards.easyRead(fixture.organisation.slug, '2026-Q1'),
    )
    expect(response.status).toBe(404)
  })
})
