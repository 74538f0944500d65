import { performance } from 'node:perf_hooks'
import type { Database } from '../../server/db/database'
import { paths } from '../../server/paths'
import { createSignInLink } from '../../server/signIn/signInLinks'
import { importSurveyFile } from '../../server/surveyFiles/importSurveyFile'
import { surveyFileDocument } from '../../server/surveyFiles/surveyFileDocument'
import { serveLocally } from '../a11y/localServer'
import { insertOrganisation } from '../helpers/factories'
import { addOfficer } from '../helpers/officers'
import { manyQuestionSurvey } from '../surveyFiles/sixtyQuestionSurvey'
import { runBench } from './benchDatabase'
import { CookieJar } from './cookieJar'

/*
 * Builder and import benchmark (issue 11, item 12), through the real app on 127.0.0.1 as production
 * runs it, signed in as an analyst:
 * - importing a 60-question survey (every question type, English, Welsh and Urdu, conditions and
 *   information pages) by uploading its file to the import form: median of 20, target under 1 s;
 * - the builder page of that survey: median of 50 GETs, target under 100 ms.
 * npm run bench:invitations runs it with the invitation figures; `tsx tests/bench/builderAndImport.ts`
 * runs it alone. PGlite on disk, or PostgreSQL when DATABASE_URL is set.
 */
const importRuns = 20
const pageRuns = 50
const importTargetMs = 1000
const pageTargetMs = 100

const csrfPattern = /name="_csrf" value="([^"]+)"/

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN
}
const milliseconds = (value: number) => `${value.toFixed(1)} ms`

/** An analyst's browser without a browser: cookies kept, redirects not followed. */
class AnalystBrowser {
  private readonly cookies = new CookieJar()
  constructor(private readonly baseUrl: string) {}

  async fetch(
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; text: string; location: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.cookies.header },
    })
    const text = await response.text()
    this.cookies.keep(response)
    return { status: response.status, text, location: response.headers.get('location') ?? '' }
  }

  async signIn(db: Database, officer: { organisationId: string; id: string }): Promise<void> {
    const token = await createSignInLink(db, officer)
    const page = await this.fetch(paths.signIn.link(token))
    const csrf = csrfPattern.exec(page.text)?.[1] ?? ''
    const done = await this.fetch(paths.signIn.linkAction, {
      method: 'POST',
      body: new URLSearchParams({ token, _csrf: csrf }),
    })
    if (done.status !== 303) throw new Error(`signing in gave ${done.status}`)
  }

  /** Uploads a file through the import form, as a browser would: the form's token, then the file. */
  async upload(file: string): Promise<{ status: number; location: string; milliseconds: number }> {
    const page = await this.fetch(paths.manage.importSurvey)
    const form = new FormData()
    form.set('_csrf', csrfPattern.exec(page.text)?.[1] ?? '')
    form.set('file', new Blob([file], { type: 'application/json' }), 'sixty-questions.survey.json')
    const started = performance.now()
    const response = await this.fetch(paths.manage.importSurvey, { method: 'POST', body: form })
    return { ...response, milliseconds: performance.now() - started }
  }
}

export interface BuilderAndImportFigures {
  importMedianMs: number
  /** The same import called directly, without HTTP and multipart, for comparison. */
  importFunctionMedianMs: number
  pageMedianMs: number
  pageName: string
  passed: boolean
}

/**
 * Prints the figures and returns them; passed is false when a request went wrong (timings are
 * reported against their targets, not asserted, as a shared machine can be slow for a while).
 */
export async function benchBuilderAndImport(
  db: Database,
  write: (line: string) => void = console.log,
): Promise<BuilderAndImportFigures> {
  const organisation = await insertOrganisation(db, 'bench-builder')
  const analyst = await addOfficer(db, organisation.id, 'analyst')
  const server = await serveLocally(db, 'production')
  try {
    const browser = new AnalystBrowser(server.baseUrl)
    await browser.signIn(db, analyst)
    const file = surveyFileDocument(manyQuestionSurvey(60), `${server.baseUrl}${paths.surveyFileSchema}`)
    write(
      `Builder and import (${db.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}), a 60-question survey in 3 languages, ${Buffer.byteLength(file)} bytes`,
    )

    const uploads: number[] = []
    let firstSlug = ''
    for (let run = 0; run < importRuns; run += 1) {
      const imported = await browser.upload(file)
      if (imported.status !== 303) throw new Error(`import ${run + 1} gave ${imported.status}`)
      firstSlug ||= imported.location.split('/').pop() ?? ''
      uploads.push(imported.milliseconds)
    }
    const direct: number[] = []
    for (let run = 0; run < importRuns; run += 1) {
      const started = performance.now()
      const imported = await importSurveyFile(db, {
        organisationId: organisation.id,
        by: { actor: 'command line' },
        bytes: Buffer.from(file),
      })
      direct.push(performance.now() - started)
      if (!imported.ok) throw new Error('the direct import was refused')
    }
    const importMedianMs = median(uploads)
    write(
      `  import through the upload form: median ${milliseconds(importMedianMs)} of ${importRuns} (target under ${importTargetMs} ms), slowest ${milliseconds(Math.max(...uploads))}`,
    )
    write(`  import called directly:         median ${milliseconds(median(direct))} of ${importRuns}`)

    // The builder's page when the app has one, otherwise the survey page, and the figures say which.
    const builderPath = paths.manage.builder.home(firstSlug)
    const hasBuilder = (await browser.fetch(builderPath)).status === 200
    const pagePath = hasBuilder ? builderPath : paths.manage.survey(firstSlug)
    const pageName = hasBuilder ? 'builder page' : 'survey page (no builder page answered)'
    const times: number[] = []
    for (let run = 0; run < pageRuns; run += 1) {
      const started = performance.now()
      const page = await browser.fetch(pagePath)
      times.push(performance.now() - started)
      if (page.status !== 200) throw new Error(`GET ${pagePath} gave ${page.status}`)
      if (hasBuilder && !page.text.includes('Question q60'))
        throw new Error('the builder page does not show question 60')
    }
    const pageMedianMs = median(times)
    write(
      `  ${pageName} (GET ${pagePath}): median ${milliseconds(pageMedianMs)} of ${pageRuns} (target under ${pageTargetMs} ms), slowest ${milliseconds(Math.max(...times))}`,
    )
    return { importMedianMs, importFunctionMedianMs: median(direct), pageMedianMs, pageName, passed: true }
  } finally {
    await server.close()
  }
}

if (require.main === module) runBench(async (bench) => (await benchBuilderAndImport(bench.db)).passed)
