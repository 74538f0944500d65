import { insertOrganisation, insertSurvey } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'

const heard = useSurveyApp(['what-i-need', 'ehcp-experience'])

interface StoredAlert {
  kind: string
  survey_id: string
  language: string
  response_id: string
  draft_id: string | null
  reasons: { questionId: string; text: string; phrases: string[] }[]
}

const alerts = () =>
  heard.database.db.query<StoredAlert>(
    'SELECT kind, survey_id, language, response_id, draft_id, reasons FROM safeguarding_alerts ORDER BY raised_at',
  )

/** The id of every response (counted or held) in the organisation, by draft. */
const responseIds = async () =>
  (
    await heard.database.db.query<{ id: string }>(
      'SELECT id FROM responses UNION ALL SELECT id FROM held_responses',
    )
  ).map((row) => row.id)

async function answerWhatINeed(
  lifeBetter: string,
  options: { language?: string; organisation?: string } = {},
) {
  const respondent = new Respondent(
    heard.testApp.app,
    options.organisation ?? heard.organisation.slug,
    'what-i-need',
  )
  await respondent.begin(options.language)
  await respondent.answerAll({
    ...statementsRated(),
    'life-better': lifeBetter,
    'age-group': '12-15',
    helper: 'no',
  })
  return respondent
}

const signposted = (html: string) =>
  html.includes('You can talk to someone') && html.includes('href="tel:08001111"')

beforeEach(async () => {
  await heard.database.db.exec('DELETE FROM safeguarding_alert_emails; DELETE FROM safeguarding_alerts')
})

describe('a worrying written answer, on submit', () => {
  it('raises exactly one free-text alert that says why, with the response, and the thank-you page signposts help', async () => {
    await addOfficer(heard.database.db, heard.organisation.id, 'safeguarding')
    const words = 'My stepdad hits me and I am scared to go home'
    const respondent = await answerWhatINeed(words)
    expect((await respondent.send()).status).toBe(303)
    expect((await respondent.send()).status).toBe(303)

    const stored = await alerts()
    expect(stored).toEqual([
      {
        kind: 'free-text',
        survey_id: heard.surveyIds['what-i-need'],
        language: 'en',
        response_id: expect.any(String) as string,
        draft_id: null,
        reasons: [{ questionId: 'life-better', text: words, phrases: ['hit* me', 'scared to go home'] }],
      },
    ])
    expect(await responseIds()).toContain(stored[0]?.response_id)
    const [emails] = await heard.database.db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM safeguarding_alert_emails WHERE reason = 'alert'`,
    )
    expect(emails?.count).toBe(1)

    const thanks = await respondent.confirmation()
    expect(thanks.status).toBe(200)
    expect(signposted(thanks.text)).toBe(true)
    expect(thanks.text).toContain(
      'If someone is in danger now, call <a class="govuk-link" href="tel:999">999</a>',
    )
    expect(thanks.text).toContain(
      `href="/s/${heard.organisation.slug}/what-i-need/talk-to-someone">Ask someone to contact you</a>`,
    )
    expect(heard.testApp.logLines.join('\n')).not.toContain('stepdad')
  })

  it('raises nothing, and signposts nothing more, when no phrase is found', async () => {
    const respondent = await answerWhatINeed('More clubs after school, and being asked first')
    expect((await respondent.send()).status).toBe(303)
    expect(await alerts()).toEqual([])
    const thanks = await respondent.confirmation()
    expect(thanks.status).toBe(200)
    expect(signposted(thanks.text)).toBe(false)
  })

  it('searches a Welsh response with the Welsh and the English lists', async () => {
    const welsh = await answerWhatINeed('Dw i ddim yn ddiogel yn yr ysgol', { language: 'cy' })
    expect((await welsh.send()).status).toBe(303)
    const mixed = await answerWhatINeed('Weithiau mae o’n hurts me', { language: 'cy' })
    expect((await mixed.send()).status).toBe(303)
    expect((await alerts()).map(({ language, reasons }) => [language, reasons[0]?.phrases])).toEqual([
      ['cy', ['ddim yn ddiogel']],
      ['cy', ['hurt* me']],
    ])
    expect((await welsh.confirmation()).text).toContain('Gallwch chi siarad â rhywun')
  })

  it('searches an Urdu response with the Urdu list, and signposts help right to left', async () => {
    const urdu = await answerWhatINeed('وہ مجھے مارتا ہے', { language: 'ur' })
    expect((await urdu.send()).status).toBe(303)
    expect((await alerts()).map(({ language, reasons }) => [language, reasons[0]?.phrases])).toEqual([
      ['ur', ['مجھے مارت*']],
    ])
    const thanks = await urdu.confirmation()
    expect(thanks.text).toMatch(/<html lang="ur" dir="rtl"/)
    expect(thanks.text).toContain('آپ کسی سے بات کر سکتے ہیں')
  })

  it('does not search parent carers’ surveys', async () => {
    const parent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    await parent.begin()
    await parent.answerAll({
      'assessment-satisfied': 'agree',
      'plan-satisfied': 'agree',
      'listened-to': 'agree',
      'know-who-to-contact': 'agree',
      'views-influence': 'agree',
      'health-needs-met': 'agree',
      'activities-meet-needs': 'agree',
      improve: 'The school bus is not safe',
      'child-age': '5-10',
      'support-type': 'ehcp',
    })
    expect((await parent.send()).status).toBe(303)
    expect(await alerts()).toEqual([])
  })

  it('uses the organisation’s own list once it has one, and only for that organisation', async () => {
    const other = await insertOrganisation(heard.database.db)
    await insertSurvey(heard.database.db, { organisationId: other.id, template: 'what-i-need' })
    await heard.database.db.query(
      `INSERT INTO safeguarding_phrases (organisation_id, language, phrase) VALUES ($1, 'en', 'purple monkey')`,
      [heard.organisation.id],
    )
    try {
      for (const words of ['I am not safe', 'The purple monkey said so']) {
        expect((await (await answerWhatINeed(words)).send()).status).toBe(303)
        expect((await (await answerWhatINeed(words, { organisation: other.slug })).send()).status).toBe(303)
      }
      const raised = await heard.database.db.query<{ organisation_id: string; phrases: string[] }>(
        `SELECT organisation_id, reasons -> 0 -> 'phrases' AS phrases FROM safeguarding_alerts ORDER BY raised_at`,
      )
      expect(raised).toEqual([
        { organisation_id: other.id, phrases: ['not safe'] },
        { organisation_id: heard.organisation.id, phrases: ['purple monkey'] },
      ])
    } finally {
      await heard.database.db.query('DELETE FROM safeguarding_phrases WHERE organisation_id = $1', [
        heard.organisation.id,
      ])
    }
  })

  it('is stored in the same transaction as the response: if the alert cannot be stored, neither is the response', async () => {
    await heard.database.db.exec(`
      CREATE FUNCTION refuse_alert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no alerts today'; END $$;
      CREATE TRIGGER refuse_alert BEFORE INSERT ON safeguarding_alerts FOR EACH ROW EXECUTE FUNCTION refuse_alert();
    `)
    const before = await responseIds()
    const respondent = await answerWhatINeed('I want to die')
    try {
      expect((await respondent.send()).status).toBe(500)
      expect(await responseIds()).toEqual(before)
    } finally {
      await heard.database.db.exec(
        'DROP TRIGGER refuse_alert ON safeguarding_alerts; DROP FUNCTION refuse_alert()',
      )
    }
    // The draft was kept, so sending again once alerts can be stored sends the answers and raises the alert.
    expect((await respondent.send()).status).toBe(303)
    expect((await responseIds()).length).toBe(before.length + 1)
    expect((await alerts()).map((alert) => alert.reasons[0]?.phrases)).toEqual([['want to die']])
  })
})
