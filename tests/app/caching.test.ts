import request from 'supertest'
import { paths } from '../../server/paths'
import { signedInAs } from '../helpers/officers'
import { Respondent } from '../helpers/respondent'
import { useSurveyApp } from '../helpers/surveyApp'
import { statementsRated } from '../fixtures/whatINeedAnswers'

const heard = useSurveyApp(['what-i-need'])

const survey = 'what-i-need'
const respondPath = (rest: string) => `${paths.respond.start(heard.organisation.slug, survey)}${rest}`

describe('pages a browser may keep', () => {
  it.each(['/', '/accessibility'])('%s is not marked no-store', async (path) => {
    const response = await request(heard.testApp.app).get(path)
    expect(response.headers['cache-control'] ?? '').not.toContain('no-store')
  })

  it('the start page of a survey is not marked no-store', async () => {
    const response = await request(heard.testApp.app).get(respondPath(''))
    expect(response.status).toBe(200)
    expect(response.headers['cache-control'] ?? '').not.toContain('no-store')
  })
})

describe('pages that hold answers are never kept by the browser', () => {
  it('every respondent page after the start, the thank-you page and their errors', async () => {
    const respondent = new Respondent(heard.testApp.app, heard.organisation.slug, survey)
    const begun = await respondent.begin()
    expect(begun.headers['cache-control']).toBe('no-store')
    const question = await respondent.get(respondent.questionPath('listened-to'))
    expect(question.status).toBe(200)
    expect(question.headers['cache-control']).toBe('no-store')
    const refused = await respondent.post(respondent.questionPath('listened-to'), {})
    expect(refused.status).toBe(400)
    expect(refused.headers['cache-control']).toBe('no-store')
    await respondent.answerAll({
      ...statementsRated(),
      'listened-to': 'very-important',
      'life-better': 'Words nobody else should see',
      'age-group': '8-11',
      helper: 'no',
    })
    const check = await respondent.get(respondPath('/check-answers'))
    expect(check.status).toBe(200)
    expect(check.headers['cache-control']).toBe('no-store')
    expect((await respondent.send()).headers['cache-control']).toBe('no-store')
    const thanks = await respondent.confirmation()
    expect(thanks.status).toBe(200)
    expect(thanks.headers['cache-control']).toBe('no-store')
  })

  it.each(['/talk-to-someone', '/talk-to-someone/sent', '/questions/no-such-question', '/group'])(
    'the respondent page %s',
    async (rest) => {
      const response = await request(heard.testApp.app).get(respondPath(rest))
      expect(response.headers['cache-control']).toBe('no-store')
    },
  )

  it.each([paths.signIn.request, paths.signIn.link('not-a-real-token'), paths.signIn.signedOut, '/manage'])(
    'the officer page %s, signed out',
    async (path) => {
      const response = await request(heard.testApp.app).get(path)
      expect(response.headers['cache-control']).toBe('no-store')
    },
  )

  it.each([
    paths.manage.surveys,
    paths.manage.comments(survey),
    paths.manage.results(survey),
    '/manage/nothing-here',
  ])('the officer page %s, signed in', async (path) => {
    const agent = await signedInAs(heard.testApp.app, heard.database.db, {
      organisationId: heard.organisation.id,
      role: 'viewer',
    })
    const response = await agent.get(path)
    expect(response.headers['cache-control']).toBe('no-store')
  })
})
