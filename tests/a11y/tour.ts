import type { Locator, Page } from 'playwright-core'
import { checkPage, type Language, type PageLanguage, type PageResult } from './checks'

const isFinal = (status: number) => status < 300 || status >= 400

/**
 * One browser tab going round the service in one language, like a person would: it opens pages,
 * clicks and types, and checks each page it lands on. Wrong statuses are reported with the next page.
 */
export class Tour {
  readonly results: PageResult[] = []
  private pending: string[] = []
  private languageChosen = false

  constructor(
    readonly page: Page,
    readonly options: { language: Language; baseUrl: string; narrow?: boolean },
  ) {}

  /** Opens a path; the first visit in Urdu chooses it with ?lang=ur, after which the session keeps it. */
  async visit(path: string, expectedStatus = 200): Promise<void> {
    const choose = this.options.language !== 'en' && !this.languageChosen
    this.languageChosen = true
    const response = await this.page.goto(
      `${this.options.baseUrl}${path}${choose ? `?lang=${this.options.language}` : ''}`,
    )
    this.expectStatus(`GET ${path}`, response?.status() ?? 0, expectedStatus)
  }

  /** Presses a button or key and waits for the page it leads to (after any redirects) to load. */
  async navigate(what: string, action: () => Promise<void>, expectedStatus = 200): Promise<void> {
    const main = this.page.mainFrame()
    const response = this.page.waitForResponse(
      (r) => r.frame() === main && r.request().isNavigationRequest() && isFinal(r.status()),
    )
    const arrived = Promise.all([response, this.page.waitForEvent('load')])
    // If the action itself fails, its error is the one to report, not this wait's later timeout.
    arrived.catch(() => undefined)
    await action()
    const [final] = await arrived
    this.expectStatus(what, final.status(), expectedStatus)
  }

  press(button: Locator, expectedStatus = 200): Promise<void> {
    return this.navigate('pressing a button', () => button.click(), expectedStatus)
  }

  continueButton(): Locator {
    return this.page.locator('main form button[type="submit"]')
  }

  /** Chooses options by clicking their labels, or types into the text box. */
  async answer(value: string | string[]): Promise<void> {
    const textarea = this.page.locator('textarea[name="answer"]')
    if ((await textarea.count()) > 0) {
      await textarea.click()
      await textarea.pressSequentially(String(value))
      return
    }
    const numberBox = this.page.locator('input[name="answer"][inputmode="numeric"]')
    if ((await numberBox.count()) > 0 && !['dont-know', 'prefer-not-to-say'].includes(String(value))) {
      await numberBox.click()
      await numberBox.pressSequentially(String(value))
      return
    }
    for (const option of Array.isArray(value) ? value : [value]) {
      const input = this.page.locator(`input[name="answer"][value="${option}"]`)
      const id = await input.getAttribute('id')
      await this.page.locator(`label[for="${id ?? ''}"]`).click()
      if (!(await input.isChecked())) this.pending.push(`clicking the label of "${option}" did not choose it`)
    }
  }

  problem(text: string): void {
    this.pending.push(text)
  }

  /** Checks the page in the tour's language, or in another one the page was asked for in (?lang=cy). */
  async check(name: string, language: PageLanguage = this.options.language): Promise<void> {
    const result = await checkPage(this.page, { language, name, narrow: this.options.narrow })
    result.problems.unshift(...this.pending)
    this.pending = []
    this.results.push(result)
  }

  /** Problems met after the last page checked, reported as a page of their own. */
  finish(name: string): void {
    if (this.pending.length === 0) return
    this.results.push({ language: this.options.language, name, violations: 0, problems: this.pending })
    this.pending = []
  }

  private expectStatus(what: string, actual: number, expected: number): void {
    if (actual !== expected) this.pending.push(`${what} gave status ${actual}, expected ${expected}`)
  }
}
