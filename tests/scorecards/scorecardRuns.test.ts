import { paths } from '../../server/paths'
import { recomputeFacts } from '../../server/scorecards/store/recomputeFacts'
import { findRun, insertRun } from '../../server/scorecards/store/runQueries'
import { workScorecardRun } from '../../server/scorecards/store/scorecardRuns'
import { insertResponses } from '../helpers/insertResponses'
import { postForm, signedInAs, type Agent } from '../helpers/officers'
import { alikeResponses, countScorecardRows, startFrameworkFromTemplate } from '../helpers/scorecards'
import { workQueuedRuns } from '../helpers/scorecardRuns'
import { useSurveyApp } from '../helpers/surveyApp'
import { startWorker } from '../helpers/testApp'

const fixture = useSurveyApp(['what-i-need', 'ehcp-experience'])
let admin: Agent
let otherAdmin: Agent
const db = () => fixture.database.db
const runPath = /^\/manage\/scorecards\/runs\/([0-9a-f-]{36})$/
const runIdOf = (location: unknown) => runPath.exec(String(location))?.[1] ?? ''
const deps = () => ({ db: db(), logger: fixture.testApp.jobDependencies.logger })
const officer = () => ({ id: '00000000-0000-4000-8000-000000000001', email: 'someone@council.example' })

beforeAll(async () => {
  const organisationId = fixture.organisation.id
  admin = await signedInAs(fixture.testApp.app, db(), {
    organisationId,
    role: 'admin',
    email: 'one@council.example',
  })
  otherAdmin = await signedInAs(fixture.testApp.app, db(), {
    organisationId,
    role: 'admin',
    email: 'two@council.example',
  })
  await insertResponses(
    db(),
    { organisationId, surveyId: fixture.surveyIds['what-i-need'] ?? '' },
    alikeResponses(20, 'very-important', '2026-07-15T12:00:00+01:00'),
  )
  await startFrameworkFromTemplate(admin)
})

describe('progress', () => {
  it('is told after each survey is counted and after the figures are written', async () => {
    const steps: string[] = []
    await recomputeFacts(db(), fixture.organisation.id, {
      onStep: (done, total) => {
        steps.push(`${String(done)}/${String(total)}`)
        return Promise.resolve()
      },
    })
    // The framework's indicators count two surveys: each counted, then the figures written.
    expect(steps).toEqual(['0/3', '1/3', '2/3', '3/3'])
  })

  it('is shown on the run’s page while it runs', async () => {
    const asked = await postForm(admin, paths.manage.scorecards, paths.manage.scorecardRecompute, {})
    const id = runIdOf(asked.headers.location)
    await db().query(
      `UPDATE scorecard_runs SET state = 'running', steps_done = 1, steps_total = 3, heartbeat_at = now() WHERE id = $1`,
      [id],
    )
    const page = await admin.get(paths.manage.scorecardRun(id))
    expect(page.text).toContain('Working on it')
    expect(page.text).toContain('<label for="run-progress">Step 1 of 3</label>')
    expect(page.text).toContain(
      '<progress class="heard-run-progress" id="run-progress" max="3" value="1">33%</progress>',
    )
    expect(page.headers['cache-control']).toBe('no-store')
    // Finished by hand, as its process would have.
    await db().query(`UPDATE scorecard_runs SET state = 'done', finished_at = now() WHERE id = $1`, [id])
  })
})

describe('through the job queue', () => {
  it('works out the figures in the background and the page says when it is done', async () => {
    await db().query('DELETE FROM indicator_facts')
    const stop = await startWorker(fixture.testApp)
    try {
      const asked = await postForm(admin, paths.manage.scorecards, paths.manage.scorecardRecompute, {})
      expect(asked.status).toBe(303)
      const page = paths.manage.scorecardRun(runIdOf(asked.headers.location))
      let text = ''
      for (
        let tries = 0;
        tries < 100 && !text.includes('See the scorecards with the new figures');
        tries += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        text = (await admin.get(page)).text
      }
      expect(text).toContain('Done')
      expect(await countScorecardRows(db(), 'indicator_facts')).toBeGreaterThan(0)
    } finally {
      await stop()
    }
  })
})

describe('two officers pressing Publish at once', () => {
  it('start one run and get one snapshot', async () => {
    const publish = (agent: Agent) =>
      postForm(agent, paths.manage.scorecardPublish, paths.manage.scorecardPublish, { period: '2026-Q3' })
    const [first, second] = await Promise.all([publish(admin), publish(otherAdmin)])
    expect(first.status).toBe(303)
    expect(second.status).toBe(303)
    expect(second.headers.location).toBe(first.headers.location)
    const runs = await db().query(`SELECT id FROM scorecard_runs WHERE kind = 'publish'`)
    expect(runs).toHaveLength(1)
    await workQueuedRuns(fixture.testApp)
    await workQueuedRuns(fixture.testApp)
    expect(await countScorecardRows(db(), 'scorecard_snapshots')).toBe(1)
    const audit = await db().query(`SELECT subject FROM audit_events WHERE action = 'scorecard-published'`)
    expect(audit).toEqual([{ subject: '2026-Q3' }])
  })

  it('show the quarter already published, and start nothing, when pressed again later', async () => {
    const again = await postForm(admin, paths.manage.scorecardPublish, paths.manage.scorecardPublish, {
      period: '2026-Q3',
    })
    expect(again.headers.location).toBe(`/scorecards/${fixture.organisation.slug}/2026-q3`)
    expect(await db().query(`SELECT id FROM scorecard_runs WHERE kind = 'publish'`)).toHaveLength(1)
  })
})

describe('a run that fails', () => {
  it('leaves the last good state, with words the officer can act on and the reason in the log', async () => {
    const snapshotsBefore = await db().query('SELECT * FROM scorecard_snapshots')
    const factsBefore = await db().query('SELECT * FROM indicator_facts ORDER BY 1, 2, 3, 4')
    // A publish of a quarter that is not one cannot be asked for through the form; it fails when worked.
    const { run } = await insertRun(db(), {
      organisationId: fixture.organisation.id,
      kind: 'publish',
      period: '2026-Q9',
      requestedBy: officer(),
    })
    await workScorecardRun(deps(), { organisationId: fixture.organisation.id, runId: run.id })
    expect((await findRun(db(), fixture.organisation.id, run.id))?.state).toBe('failed')
    expect(await db().query('SELECT * FROM scorecard_snapshots')).toEqual(snapshotsBefore)
    expect(await db().query('SELECT * FROM indicator_facts ORDER BY 1, 2, 3, 4')).toEqual(factsBefore)
    const page = await admin.get(paths.manage.scorecardRun(run.id))
    expect(page.text).toContain('The scorecard was not published. Nothing has changed')
    expect(page.text).toContain(run.id)
    expect(page.text).toContain('Try again')
    expect(fixture.testApp.logLines.join('')).toContain(run.id)
  })
})

describe('a run whose process stopped', () => {
  it('is taken over once it has made no step for ten minutes, and not before', async () => {
    const { run } = await insertRun(db(), {
      organisationId: fixture.organisation.id,
      kind: 'recompute',
      period: null,
      requestedBy: officer(),
    })
    await db().query(
      `UPDATE scorecard_runs SET state = 'running', heartbeat_at = now() - interval '5 minutes' WHERE id = $1`,
      [run.id],
    )
    await workScorecardRun(deps(), { organisationId: fixture.organisation.id, runId: run.id })
    expect((await findRun(db(), fixture.organisation.id, run.id))?.state).toBe('running')
    await db().query(`UPDATE scorecard_runs SET heartbeat_at = now() - interval '11 minutes' WHERE id = $1`, [
      run.id,
    ])
    await workScorecardRun(deps(), { organisationId: fixture.organisation.id, runId: run.id })
    expect((await findRun(db(), fixture.organisation.id, run.id))?.state).toBe('done')
  })

  it('is a 404 page for a run that is not one', async () => {
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000'])
      expect((await admin.get(paths.manage.scorecardRun(id))).status).toBe(404)
  })
})
