import request from 'supertest'
import { paths } from '../../server/paths'
import { insertSurvey } from '../helpers/factories'
import { signedInAs, type Agent } from '../helpers/officers'
import { csrfTokenIn, Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'

const heard = useSurveyApp(['what-i-need'])
const helpPath = (survey = 'what-i-need') => paths.respond.talkToSomeone(heard.organisation.slug, survey)
const sentPath = (survey = 'what-i-need') => paths.respond.talkToSomeoneSent(heard.organisation.slug, survey)

interface OpenForm {
  html: string
  csrf: string
  formKey: string
}

async function openForm(agent: Agent, path = helpPath()): Promise<OpenForm> {
  const page = await agent.get(path)
  expect(page.status).toBe(200)
  const formKey = /name="formKey" value="([^"]+)"/.exec(page.text)?.[1] ?? ''
  return { html: page.text, csrf: csrfTokenIn(page.text), formKey }
}

const sendForm = (agent: Agent, form: OpenForm, fields: Record<string, string>, path = helpPath()) =>
  agent
    .post(path)
    .type('form')
    .send({ _csrf: form.csrf, formKey: form.formKey, ...fields })

interface StoredRequest {
  kind: string
  survey_id: string
  language: string
  draft_id: string | null
  response_id: string | null
  reasons: unknown[]
  name: string | null
  contact_method: string
  contact_detail: string | null
  school: string | null
  message: string | null
  answers_may_be_seen: boolean
}

const storedRequests = () =>
  heard.database.db.query<StoredRequest>(
    `SELECT a.kind, a.survey_id, a.language, a.draft_id, a.response_id, a.reasons,
            h.name, h.contact_method, h.contact_detail, h.school, h.message, h.answers_may_be_seen
       FROM safeguarding_alerts a JOIN help_requests h ON h.organisation_id = a.organisation_id AND h.alert_id = a.id
      ORDER BY a.raised_at`,
  )

const rowCounts = async () => {
  const [row] = await heard.database.db.query<{ alerts: number; requests: number; keys: number }>(
    `SELECT (SELECT count(*) FROM safeguarding_alerts)::integer AS alerts,
            (SELECT count(*) FROM help_requests)::integer AS requests,
            (SELECT count(*) FROM help_request_keys)::integer AS keys`,
  )
  return row
}

const clearRequests = () =>
  heard.database.db.exec(
    'DELETE FROM help_requests; DELETE FROM safeguarding_alert_emails; DELETE FROM safeguarding_alerts; DELETE FROM help_request_keys',
  )

beforeEach(clearRequests)

describe('asking for help, with no JavaScript', () => {
  it('stores a help request with its alert in one go, linked to no answers, and says thank you', async () => {
    const agent = request.agent(heard.testApp.app)
    const form = await openForm(agent)
    const fields = {
      name: 'Sam',
      contactMethod: 'phone',
      phone: '07700 900982',
      email: '',
      school: '',
      message: 'Things are hard at home',
    }
    const sent = await sendForm(agent, form, fields)
    expect(sent.status).toBe(303)
    expect(sent.headers.location).toBe(sentPath())
    const thanks = await agent.get(sentPath())
    expect(thanks.status).toBe(200)
    expect(thanks.text).toContain('Thank you, we have your message')
    expect(thanks.text).toContain(`The safeguarding team at Council ${heard.organisation.slug} will read it.`)
    expect(thanks.text).toContain('href="tel:08001111"')
    expect(thanks.text).toContain('href="tel:999"')
    expect(await storedRequests()).toEqual([
      {
        kind: 'help-request',
        survey_id: heard.surveyIds['what-i-need'],
        language: 'en',
        draft_id: null,
        response_id: null,
        reasons: [],
        name: 'Sam',
        contact_method: 'phone',
        contact_detail: '07700 900982',
        school: null,
        message: 'Things are hard at home',
        answers_may_be_seen: false,
      },
    ])
    const logs = heard.testApp.logLines.join('\n')
    for (const secret of ['Things are hard', '07700', 'Sam']) expect(logs).not.toContain(secret)
  })

  it('keeps only the way to reach them that they chose, and a school when it is through school', async () => {
    const agent = request.agent(heard.testApp.app)
    const fields = {
      name: '',
      contactMethod: 'school',
      phone: '07700 900982',
      email: 'me@example.com',
      school: 'Hill Top Academy',
      message: '',
    }
    expect((await sendForm(agent, await openForm(agent), fields)).status).toBe(303)
    const [stored] = await storedRequests()
    expect(stored).toMatchObject({
      name: null,
      contact_method: 'school',
      contact_detail: null,
      school: 'Hill Top Academy',
      message: null,
    })
  })

  it('is not linked to the survey answers when the box is not ticked', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    await respondent.answer('listened-to', 'important')
    const form = await openForm(respondent.agent)
    expect(form.html).toContain('name="answersMayBeSeen"')
    const fields = { contactMethod: 'none', message: 'Please do not call me' }
    expect((await sendForm(respondent.agent, form, fields)).status).toBe(303)
    const [stored] = await storedRequests()
    expect(stored).toMatchObject({ draft_id: null, answers_may_be_seen: false })
  })

  it('is linked to the draft when ticked, and to the sent response’s draft id once it is sent', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    await respondent.answer('listened-to', 'important')
    const [draft] = await heard.database.db.query<{ id: string }>(
      `SELECT id FROM drafts WHERE answers ? 'listened-to' ORDER BY updated_at DESC LIMIT 1`,
    )
    const fields = { contactMethod: 'email', email: 'young.person@example.com', answersMayBeSeen: 'yes' }
    expect((await sendForm(respondent.agent, await openForm(respondent.agent), fields)).status).toBe(303)

    await respondent.answerAll({
      ...statementsRated(),
      'life-better': 'More clubs',
      'age-group': '12-15',
      helper: 'no',
    })
    expect((await respondent.send()).status).toBe(303)
    expect((await sendForm(respondent.agent, await openForm(respondent.agent), fields)).status).toBe(303)

    // A response keeps only a hash of its draft id.
    const [response] = await heard.database.db.query<{ draft_id: string }>(
      `SELECT draft_id FROM responses WHERE draft_id = draft_key($1::uuid)
       UNION ALL SELECT draft_id FROM held_responses WHERE draft_id = draft_key($1::uuid)`,
      [draft?.id],
    )
    expect(response?.draft_id).toMatch(/^[0-9a-f]{64}$/)
    expect((await storedRequests()).map((stored) => [stored.draft_id, stored.answers_may_be_seen])).toEqual([
      [draft?.id, true],
      [draft?.id, true],
    ])
  })

  it('ignores the tick when this browser has no answers to look at', async () => {
    const agent = request.agent(heard.testApp.app)
    const fields = { contactMethod: 'none', message: 'Hello', answersMayBeSeen: 'yes' }
    expect((await sendForm(agent, await openForm(agent), fields)).status).toBe(303)
    expect((await storedRequests())[0]).toMatchObject({ draft_id: null, answers_may_be_seen: false })
  })

  it.each([
    ['Welsh', 'cy', 'Diolch, mae eich neges gennym ni', 'ltr'],
    ['Urdu', 'ur', 'شکریہ، ہمیں آپ کا پیغام مل گیا ہے', 'rtl'],
  ])('works end to end in %s', async (_name, language, thanks, dir) => {
    const agent = request.agent(heard.testApp.app)
    const form = await openForm(agent, `${helpPath()}?lang=${language}`)
    expect(form.html).toContain(`<html lang="${language}" dir="${dir}"`)
    const fields = {
      contactMethod: 'none',
      message: language === 'ur' ? 'مجھے مدد چاہیے' : 'Dw i angen help',
    }
    expect((await sendForm(agent, form, fields)).status).toBe(303)
    const page = await agent.get(sentPath())
    expect(page.text).toContain(`<html lang="${language}" dir="${dir}"`)
    expect(page.text).toContain(thanks)
    expect(page.text).toContain('href="tel:08001111"')
    expect((await storedRequests())[0]).toMatchObject({ language, message: fields.message })
  })
})

describe('sending twice', () => {
  it('raises one help request for a double click, however the posts arrive', async () => {
    const agent = request.agent(heard.testApp.app)
    const form = await openForm(agent)
    const fields = { contactMethod: 'none', message: 'Can someone help' }
    const first = await sendForm(agent, form, fields)
    const second = await sendForm(agent, form, fields)
    expect([first.status, second.status]).toEqual([303, 303])
    expect(second.headers.location).toBe(sentPath())
    const again = await openForm(agent)
    const together = await Promise.all([sendForm(agent, again, fields), sendForm(agent, again, fields)])
    expect(together.map((response) => response.status)).toEqual([303, 303])
    expect(await rowCounts()).toEqual({ alerts: 2, requests: 2, keys: 2 })
  })

  it('raises a new help request from each new page', async () => {
    const agent = request.agent(heard.testApp.app)
    const fields = { contactMethod: 'none', message: 'Hello again' }
    await sendForm(agent, await openForm(agent), fields)
    await sendForm(agent, await openForm(agent), fields)
    expect((await rowCounts())?.alerts).toBe(2)
  })
})

describe('bad input', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['nothing at all', {}, 'Choose how they can reach you, or write a message', '#contactMethod'],
    [
      '"do not contact me" and no message',
      { contactMethod: 'none', name: 'Ali' },
      'Choose how they can reach you, or write a message',
      '#contactMethod',
    ],
    ['phone with no number', { contactMethod: 'phone', name: 'Ali' }, 'Enter your phone number', '#phone'],
    [
      'a phone number that is not one',
      { contactMethod: 'phone', phone: '12345' },
      'Enter a UK phone number, like 07700 900982',
      '#phone',
    ],
    [
      'an email address that is not one',
      { contactMethod: 'email', email: 'me at home' },
      'Enter an email address like name@example.com',
      '#email',
    ],
    [
      'school with no school',
      { contactMethod: 'school', message: 'Hi' },
      'Enter the name of your school',
      '#school',
    ],
    [
      'a way to reach them that is not offered',
      { contactMethod: 'carrier-pigeon', message: 'Hi' },
      'Choose one of the answers shown',
      '#contactMethod',
    ],
    [
      'a message that is too long',
      { contactMethod: 'none', message: 'a'.repeat(1001) },
      'Your message must be 1,000 characters or fewer',
      '#message',
    ],
    [
      'a name that is too long',
      { contactMethod: 'none', name: 'n'.repeat(101), message: 'Hi' },
      'Your name must be 100 characters or fewer',
      '#name',
    ],
  ]

  it.each(cases)(
    '%s: 400 with an error summary, what was typed kept, nothing written',
    async (_name, fields, error, href) => {
      const agent = request.agent(heard.testApp.app)
      const page = await sendForm(agent, await openForm(agent), fields)
      expect(page.status).toBe(400)
      expect(page.text).toMatch(/<title>Error: Talk to someone/)
      expect(page.text).toContain(`<li><a href="${href}">${error}</a></li>`)
      expect(page.text).toContain('class="govuk-error-message"')
      for (const [field, value] of Object.entries(fields)) {
        if (field === 'contactMethod') {
          if (value !== 'carrier-pigeon') expect(page.text).toContain(`value="${value}" checked`)
        } else if (field === 'message') expect(page.text).toContain(`>${value}</textarea>`)
        else expect(page.text).toContain(`value="${value}"`)
      }
      expect(await rowCounts()).toEqual({ alerts: 0, requests: 0, keys: 0 })
    },
  )

  it('keeps the same form key on the page shown again, so correcting and sending raises one request', async () => {
    const agent = request.agent(heard.testApp.app)
    const form = await openForm(agent)
    const refused = await sendForm(agent, form, { contactMethod: 'phone' })
    expect(refused.text).toContain(`name="formKey" value="${form.formKey}"`)
    await sendForm(agent, form, { contactMethod: 'none', message: 'Hi' })
    await sendForm(agent, form, { contactMethod: 'none', message: 'Hi' })
    expect((await rowCounts())?.alerts).toBe(1)
  })

  it.each([
    ['a NUL byte', 'help\u0000me'],
    ['a lone surrogate', 'help \uD800 me'],
  ])('text with %s gets a 400 page, never a 500, and nothing is written', async (_name, message) => {
    const agent = request.agent(heard.testApp.app)
    const page = await sendForm(agent, await openForm(agent), { contactMethod: 'none', message })
    expect(page.status).toBe(400)
    expect(await rowCounts()).toEqual({ alerts: 0, requests: 0, keys: 0 })
  })

  it('refuses a post without the page’s token (403) and writes nothing', async () => {
    const agent = request.agent(heard.testApp.app)
    await openForm(agent)
    const refused = await agent.post(helpPath()).type('form').send({ contactMethod: 'none', message: 'Hi' })
    expect(refused.status).toBe(403)
    expect(await rowCounts()).toEqual({ alerts: 0, requests: 0, keys: 0 })
  })
})

describe('a preview', () => {
  it('shows the help page to an officer trying the survey, but sends nothing and says so', async () => {
    await insertSurvey(heard.database.db, {
      organisationId: heard.organisation.id,
      template: 'what-i-need',
      slug: 'not-open-yet',
      status: 'draft',
    })
    expect((await request(heard.testApp.app).get(helpPath('not-open-yet'))).status).toBe(404)
    const officer = await signedInAs(heard.testApp.app, heard.database.db, {
      organisationId: heard.organisation.id,
      role: 'analyst',
    })
    const form = await openForm(officer, helpPath('not-open-yet'))
    expect(form.html).toContain('This is a preview. Nothing you send from here will reach anyone.')
    const sent = await sendForm(
      officer,
      form,
      { contactMethod: 'none', message: 'Trying it out' },
      helpPath('not-open-yet'),
    )
    expect(sent.headers.location).toBe(sentPath('not-open-yet'))
    const page = await officer.get(sentPath('not-open-yet'))
    expect(page.text).toContain('Nothing was sent')
    expect(page.text).not.toContain('Thank you, we have your message')
    expect(await rowCounts()).toEqual({ alerts: 0, requests: 0, keys: 0 })
  })
})
