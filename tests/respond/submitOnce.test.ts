import { countRows } from '../helpers/factories'
import { referenceIn, Respondent } from '../helpers/respondent'
import { ehcpAnswers } from '../helpers/ehcpAnswers'
import { useSurveyApp } from '../helpers/surveyApp'

const heard = useSurveyApp(['ehcp-experience'])

const answers = ehcpAnswers({ 'plan-satisfied': 'strongly-disagree' })

const readyToSend = async () => {
  const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
  await respondent.begin()
  await respondent.answerAll(answers)
  await respondent.get(`/s/${heard.organisation.slug}/ehcp-experience/check-answers`)
  return respondent
}

const responsesFor = (reference: string) =>
  heard.database.db.query<{ answers: Record<string, unknown> }>(
    'SELECT answers FROM responses WHERE reference = $1',
    [reference],
  )

describe('a parent carer sends the EHCP experience survey', () => {
  it('stores one response; sending again, or again after going back, shows the same confirmation', async () => {
    const respondent = await readyToSend()
    const before = await countRows(heard.database.db, 'responses')
    const submit = `/s/${heard.organisation.slug}/ehcp-experience/submit`

    const first = await respondent.post(submit)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe(`/s/${heard.organisation.slug}/ehcp-experience/confirmation`)
    const reference = referenceIn((await respondent.confirmation()).text)
    expect(reference).toBeDefined()

    const second = await respondent.post(submit)
    expect(second.headers.location).toBe(`/s/${heard.organisation.slug}/ehcp-experience/confirmation`)
    const back = await respondent.agent.get(`/s/${heard.organisation.slug}/ehcp-experience/check-answers`)
    expect(back.status).toBe(303)
    expect(back.headers.location).toBe(`/s/${heard.organisation.slug}/ehcp-experience/confirmation`)
    const afterBack = await respondent.post(submit)
    expect(afterBack.status).toBe(303)
    expect(referenceIn((await respondent.confirmation()).text)).toBe(reference)

    expect(await countRows(heard.database.db, 'responses')).toBe(before + 1)
    const [stored] = await responsesFor(reference ?? '')
    expect(stored?.answers).toEqual({ ...answers, improve: null })
  })

  it('stores one response when the same draft is posted many times at once', async () => {
    const respondent = await readyToSend()
    const before = await countRows(heard.database.db, 'responses')
    const submit = `/s/${heard.organisation.slug}/ehcp-experience/submit`
    const results = await Promise.all(Array.from({ length: 8 }, () => respondent.post(submit)))
    expect(results.map((result) => result.status)).toEqual(Array(8).fill(303))
    expect(new Set(results.map((result) => result.headers.location))).toEqual(
      new Set([`/s/${heard.organisation.slug}/ehcp-experience/confirmation`]),
    )
    expect(await countRows(heard.database.db, 'responses')).toBe(before + 1)
    expect(await countRows(heard.database.db, 'drafts')).toBe(0)
  })

  it('the database itself refuses a second response from one draft', async () => {
    const [row] = await heard.database.db.query<{ draft_id: string }>(
      'SELECT draft_id FROM responses LIMIT 1',
    )
    await expect(
      heard.database.db.query(
        `INSERT INTO responses (organisation_id, id, survey_id, version, language, reference, draft_id, answers)
         SELECT organisation_id, gen_random_uuid(), survey_id, version, language, 'ZZZZ-ZZZZ', draft_id, answers
           FROM responses WHERE draft_id = $1`,
        [row?.draft_id],
      ),
    ).rejects.toThrow(/duplicate key|unique/i)
  })

  it('will not send until every question is answered', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    await respondent.begin()
    await respondent.answer('assessment-satisfied', 'agree')
    const before = await countRows(heard.database.db, 'responses')
    const early = await respondent.send()
    expect(early.status).toBe(303)
    expect(early.headers.location).toBe(respondent.questionPath('plan-satisfied'))
    const skipAhead = await respondent.agent.get(respondent.questionPath('child-age'))
    expect(skipAhead.headers.location).toBe(respondent.questionPath('plan-satisfied'))
    expect(await countRows(heard.database.db, 'responses')).toBe(before)
  })

  it('after sending, the survey link starts afresh for the next person', async () => {
    const respondent = await readyToSend()
    await respondent.send()
    const start = await respondent.get(respondent.startPath)
    expect(start.text).toContain('Start now')
    expect(start.text).not.toContain('Carry on where I left off')
  })
})
