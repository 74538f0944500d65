import type { Tour } from './tour'

// readAloud.js stops waiting for voices 2 s after the page loads; look a little after that.
const scriptPatienceMs = 2200

/**
 * The "Read this to me" button is added by script, and only when the browser has a speech voice:
 * it must not be in the HTML served, and it must be on the page exactly when voices exist.
 * Returns a line describing what was seen.
 */
export async function checkReadAloud(tour: Tour): Promise<string> {
  const { page } = tour
  const startedAt = Date.now()
  const served = await page.request.get(page.url())
  const html = await served.text()
  if (html.includes('heard-read-aloud')) tour.problem('read aloud: the button is in the HTML served')
  if (!html.includes('/js/readAloud.js')) tour.problem('read aloud: the page does not load /js/readAloud.js')
  await page.waitForTimeout(Math.max(0, scriptPatienceMs - (Date.now() - startedAt)))
  const voices = await page.evaluate(() => window.speechSynthesis.getVoices().length)
  const shown = (await page.locator('.heard-read-aloud').count()) > 0
  const matches = shown === voices > 0
  if (!matches) tour.problem(`read aloud: button ${shown ? 'shown' : 'not shown'} with ${voices} voice(s)`)
  return `read aloud (${tour.options.language}): ${voices} voice(s), button ${shown ? 'shown' : 'not shown'}, ${matches ? 'as expected' : 'WRONG'}`
}
