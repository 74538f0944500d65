import { countRows } from '../helpers/factories'
import { referenceIn, Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'

const heard = useSurveyApp(['what-i-need', 'ehcp-experience'])

const whatINeedAnswers = {
  'listened-to': 'very-important',
  healthiest: 'important',
  safe: 'very-important',
  'accepted-valued': 'dont-know',
  'prepared-future': 'not-important',
  'enjoy-life': 'very-important',
  'life-better': 'More clubs <b>after</b> school & a quiet room',
  'age-group': '12-15',
  helper: 'parent-carer',
}

describe('a young person completes "What I need"', () => {
  it('stores one response with every answer, the version and the language', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    const started = await respondent.begin()
    expect(started.status).toBe(303)
    expect(started.headers.location).toBe(respondent.questionPath('listened-to'))

    await respondent.answerAll(whatINeedAnswers)
    const check = await respondent.get(`/s/${heard.organisation.slug}/what-i-need/check-answers`)
    expect(check.status).toBe(200)
    expect(check.text).toContain('Yes, a parent or carer')
    expect(check.text).toContain(`<a href="${respondent.questionPath('helper')}" class="govuk-back-link">`)
    expect(check.text).toContain(
      `href="${respondent.questionPath('age-group')}">Change<span class="govuk-visually-hidden"> How old are you?</span>`,
    )
    expect(check.text).toContain('More clubs &lt;b&gt;after&lt;/b&gt; school &amp; a quiet room')

    const sent = await respondent.send()
    expect(sent.status).toBe(303)
    const confirmation = await respondent.confirmation()
    expect(confirmation.status).toBe(200)
    const reference = referenceIn(confirmation.text)
    expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    const rows = await heard.database.db.query<{
      version: number
      language: string
      answers: Record<string, unknown>
      reference: string
    }>('SELECT version, language, answers, reference FROM responses WHERE organisation_id = $1', [
      heard.organisation.id,
    ])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      version: 1,
      language: 'en',
      reference,
      answers: { ...whatINeedAnswers, 'life-better': 'More clubs <b>after</b> school & a quiet room' },
    })
    expect(await countRows(heard.database.db, 'drafts')).toBe(0)
  })
})
