import { Respondent } from '../helpers/respondent'
import { ehcpAnswers } from '../helpers/ehcpAnswers'
import { useSurveyApp } from '../helpers/surveyApp'

const heard = useSurveyApp(['ehcp-experience', 'what-i-need'])

const expireDrafts = () =>
  heard.database.db.query(`UPDATE drafts SET expires_at = now() - interval '1 second'`)
const deleteDrafts = () => heard.database.db.query('DELETE FROM drafts')

const standardWords = 'Your answers were kept for 7 days and have been deleted. You can start again.'
const easyReadWords = 'We kept your answers for 7 days. Then we deleted them. You can start again.'

describe('a draft that has gone', () => {
  it('says so once on the start page, rather than silently starting again', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    await respondent.begin()
    await respondent.answer('assessment-satisfied', 'agree')
    await expireDrafts()

    const question = await respondent.agent.get(respondent.questionPath('plan-satisfied'))
    expect(question.status).toBe(303)
    expect(question.headers.location).toBe(respondent.startPath)
    const start = await respondent.get(respondent.startPath)
    expect(start.status).toBe(200)
    expect(start.text).toContain(standardWords)
    expect(start.text).toContain('Start now')

    const later = await respondent.get(respondent.startPath)
    expect(later.text).not.toContain(standardWords)
    expect((await respondent.begin()).status).toBe(303)
  })

  it('uses easy-read words on a young person’s survey, and says so for a deleted draft too', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'what-i-need')
    await respondent.begin()
    await deleteDrafts()
    const start = await respondent.get(respondent.startPath)
    expect(start.text).toContain(easyReadWords)
  })

  it('speaks the respondent’s language', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    await respondent.begin('cy')
    await expireDrafts()
    const start = await respondent.get(respondent.startPath)
    expect(start.text).toContain('Cadwyd eich atebion am 7 diwrnod')
  })

  it('says nothing when the draft went because its answers were sent', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, 'ehcp-experience')
    await respondent.begin()
    await respondent.answerAll(ehcpAnswers())
    expect((await respondent.send()).status).toBe(303)
    const start = await respondent.get(respondent.startPath)
    expect(start.text).not.toContain(standardWords)
    expect(start.text).toContain('Start now')
  })
})
