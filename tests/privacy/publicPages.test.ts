import request from 'supertest'
import { paths } from '../../server/paths'
import { insertOrganisation } from '../helpers/factories'
import { buildTestApp, type TestApp } from '../helpers/testApp'
import { openTestDatabase, type TestDatabase } from '../helpers/testDatabase'
import { visibleText } from '../helpers/scorecards'

let database: TestDatabase
let testApp: TestApp
let filled: { id: string; slug: string }

beforeAll(async () => {
  database = await openTestDatabase()
  testApp = await buildTestApp(database.db)
  await insertOrganisation(database.db, 'bare-council')
  filled = await insertOrganisation(database.db, 'filled-council')
  await database.db.query(
    `UPDATE organisations
        SET public_name = 'Northshire County Council', contact_email = 'send@northshire.example',
            contact_phone = '01632 960 001', family_help_contact = 'Family Information Service' || chr(10) || 'https://fis.northshire.example',
            data_controller = 'Northshire Council (the controller)', lawful_basis = 'Our own lawful basis words.',
            dpo_contact = 'dpo@northshire.example' || chr(10) || 'County Hall, Northshire',
            accessibility_contact = 'access@northshire.example', retention_months = 18,
            safeguarding_retention_months = 60, local_help = $2::jsonb
      WHERE id = $1`,
    [
      filled.id,
      JSON.stringify([
        {
          name: 'Northshire SENDIASS',
          phone: '01632 960 100',
          email: '',
          website: 'https://sendiass.northshire.example',
          description: 'Free advice about SEND.',
        },
      ]),
    ],
  )
})
afterAll(() => database.drop())

const pages = paths.organisationPages
const everyPage = (slug: string) => [
  pages.privacy(slug),
  pages.easyReadPrivacy(slug),
  pages.accessibility(slug),
  pages.contact(slug),
]

/** Nothing on a page may look like a gap: no raw keys, no placeholders, no "undefined" or "null". */
function expectNoGaps(html: string) {
  const text = visibleText(html)
  expect(text).not.toMatch(/\b(privacy|settings)\.[a-z]+\.[a-zA-Z.]+/)
  expect(text).not.toContain('{{')
  expect(text).not.toMatch(/\bundefined\b|\bnull\b/)
  expect(html).not.toContain('href=""')
}

describe('public pages from an organisation with no settings', () => {
  it.each(everyPage('bare-council'))('%s is there, with no sign-in, and has no gaps', async (path) => {
    const page = await request(testApp.app).get(path)
    expect(page.status).toBe(200)
    expect(page.text).toContain('lang="en" dir="ltr"')
    expect(page.text).toContain('Council bare-council')
    expectNoGaps(page.text)
  })

  it('the privacy notice names the organisation as controller and gives the standard lawful basis and periods', async () => {
    const text = visibleText((await request(testApp.app).get(pages.privacy('bare-council'))).text)
    expect(text).toContain('Council bare-council is the controller of your answers')
    expect(text).toContain('public task: UK GDPR Article 6(1)(e)')
    expect(text).toContain('substantial public interest: UK GDPR Article 9(2)(g)')
    expect(text).toContain('We keep survey answers for 24 months after the survey closes')
    expect(text).toContain('kept for 72 months after they are closed')
    expect(text).toContain('Contact Council bare-council and ask for its data protection officer.')
    expect(text).toContain('ico.org.uk')
    expect(text).toContain('0303 123 1113')
    expect(text).toContain('we do not store your IP address')
  })

  it('the contact page says whom to ask when there are no contacts, and always gives Childline and 999', async () => {
    const page = await request(testApp.app).get(pages.contact('bare-council'))
    const text = visibleText(page.text)
    expect(text).toContain('Ask the person or service that gave you the survey link.')
    expect(page.text).toContain('href="tel:08001111"')
    expect(page.text).toContain('href="tel:999"')
    expect(page.text).toContain('href="https://www.childline.org.uk"')
    expect(text).not.toContain('Local help')
    expect(text).not.toContain('Help for families')
  })

  it('the accessibility statement falls back to the organisation for reporting a problem', async () => {
    const text = visibleText((await request(testApp.app).get(pages.accessibility('bare-council'))).text)
    expect(text).toContain('Contact Council bare-council, for example through the person or service')
  })
})

describe('public pages from an organisation with its settings filled in', () => {
  it('the privacy notice uses the public name, the controller, its own lawful basis, DPO and periods', async () => {
    const page = await request(testApp.app).get(pages.privacy('filled-council'))
    const text = visibleText(page.text)
    expect(text).toContain('surveys run by Northshire County Council')
    expect(text).toContain('Northshire Council (the controller) is the controller of your answers')
    expect(text).toContain('Our own lawful basis words.')
    expect(text).not.toContain('Article 6(1)(e)')
    expect(text).toContain('We keep survey answers for 18 months')
    expect(text).toContain('kept for 60 months after they are closed')
    expect(text).toContain('Contact our data protection officer:')
    expect(page.text).toContain('<a class="govuk-link" href="mailto:dpo@northshire.example" dir="ltr">')
    expect(text).toContain('County Hall, Northshire')
    expect(page.text).toContain(`href="${pages.easyReadPrivacy('filled-council')}"`)
  })

  it('the easy-read notice uses the same settings, in short sentences', async () => {
    const page = await request(testApp.app).get(pages.easyReadPrivacy('filled-council'))
    const text = visibleText(page.text)
    expect(text).toContain('Northshire County Council runs this survey.')
    expect(text).toContain('We keep your answers for 18 months after the survey ends.')
    expect(page.text).toContain('href="mailto:dpo@northshire.example"')
    expect(page.text).toContain('heard-easy-read')
    expect(page.text).toContain(`href="${pages.privacy('filled-council')}"`)
  })

  it('the contact page lists the contact details, help for families and local help as links', async () => {
    const page = await request(testApp.app).get(pages.contact('filled-council'))
    expect(page.text).toContain('href="mailto:send@northshire.example"')
    expect(page.text).toContain('href="tel:01632960001"')
    expect(page.text).toContain('href="https://fis.northshire.example"')
    expect(page.text).toContain('Northshire SENDIASS')
    expect(page.text).toContain('Free advice about SEND.')
    expect(page.text).toContain('href="tel:01632960100"')
    expect(page.text).toContain('href="https://sendiass.northshire.example"')
    expectNoGaps(page.text)
  })

  it('the accessibility statement has the GOV.UK model sections and the accessibility contact', async () => {
    const page = await request(testApp.app).get(pages.accessibility('filled-council'))
    const text = visibleText(page.text)
    for (const heading of [
      'Accessibility statement for Northshire County Council on Heard',
      'How accessible this website is',
      'Feedback and contact information',
      'Reporting accessibility problems with this website',
      'Enforcement procedure',
      'Compliance status',
      'Non-accessible content',
      'Preparation of this accessibility statement',
    ])
      expect(text).toContain(heading)
    expect(text).toContain('partially compliant with the Web Content Accessibility Guidelines version 2.2 AA')
    expect(text).toContain('Equality and Human Rights Commission')
    expect(text).toContain('Equality Commission for Northern Ireland')
    expect(text).toContain('Equality Advisory and Support Service (EASS)')
    expect(text).toContain('Welsh and Urdu words have not yet been checked by native speakers')
    expect(text).toContain('Urdu letters are drawn with fonts on your device')
    expect(text).toContain('PDF downloads are tagged for screen readers, but have not been fully tested')
    expect(text).toMatch(
      /This statement was prepared on \d{1,2} \w+ \d{4}\. It was last reviewed on \d{1,2} \w+ \d{4}\./,
    )
    expect(page.text).toContain('href="mailto:access@northshire.example"')
  })
})

describe('every language', () => {
  it.each([
    ['cy', 'ltr', 'Hysbysiad preifatrwydd', 'Datganiad hygyrchedd ar gyfer', 'Cysylltu a chael help'],
    ['ur', 'rtl', 'رازداری کا نوٹس', 'رسائی کا بیان', 'رابطہ اور مدد'],
  ])(
    '%s: lang and dir set, the page in that language, the settings words still there',
    async (language, dir, privacy, accessibility, contact) => {
      const agent = request.agent(testApp.app)
      const first = await agent.get(`${pages.privacy('filled-council')}?lang=${language}`)
      expect(first.text).toContain(`lang="${language}" dir="${dir}"`)
      expect(first.text).toContain(privacy)
      expect(first.text).toContain('Our own lawful basis words.')
      // The choice is kept for the next pages, as on every other page.
      const statement = await agent.get(pages.accessibility('filled-council'))
      expect(statement.text).toContain(`lang="${language}" dir="${dir}"`)
      expect(statement.text).toContain(accessibility)
      const help = await agent.get(pages.contact('filled-council'))
      expect(help.text).toContain(contact)
      // Numbers read left to right inside a right-to-left page.
      expect(help.text).toContain('href="tel:08001111" dir="ltr"')
      for (const path of everyPage('filled-council')) {
        const page = await agent.get(path)
        expect(page.status).toBe(200)
        expectNoGaps(page.text)
      }
    },
  )

  it('the language links on each page point back at the same page', async () => {
    const page = await request(testApp.app).get(pages.easyReadPrivacy('filled-council'))
    expect(page.text).toContain(`href="${pages.easyReadPrivacy('filled-council')}?lang=cy"`)
    expect(page.text).toContain(`href="${pages.easyReadPrivacy('filled-council')}?lang=ur"`)
  })
})

describe('organisations that do not exist', () => {
  it.each(['no-such-council', 'Bad_Slug', 'a--b'])('%s: 404 on every page', async (slug) => {
    for (const path of everyPage(slug)) {
      const page = await request(testApp.app).get(path)
      expect({ path, status: page.status }).toEqual({ path, status: 404 })
    }
  })
})
