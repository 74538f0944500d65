import type { OfficerBrowser } from '../results/officerBrowser'

/**
 * What a page says, for checking it: the officer's browser fetches it as usual (its cookies, its
 * redirects) while a copy of the response's body is read here. The copy is a second reader of the
 * same bytes, so this request is only checked, never timed.
 */
export async function pageText(
  browser: OfficerBrowser,
  path: string,
): Promise<{ status: number; text: string }> {
  const realFetch = globalThis.fetch
  let copy: Promise<string> | undefined
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init)
    copy = response.clone().text()
    return response
  }
  try {
    const { status } = await browser.get(path)
    if (!copy) throw new Error(`fetching ${path} gave no response to read`)
    return { status, text: await copy }
  } finally {
    globalThis.fetch = realFetch
  }
}
