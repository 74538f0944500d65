import type { Tour } from './tour'

/** The submit button of the page's form, or of the form the selector names. */
export const submit = (tour: Tour, form = 'main form') => tour.page.locator(`${form} button[type="submit"]`)

/**
 * After a form is refused: the error summary is shown and takes focus, and each of its links leads
 * to something on the page, as a keyboard or screen reader user would follow it.
 */
export async function expectErrorSummary(tour: Tour, what: string): Promise<void> {
  const summary = tour.page.locator('.govuk-error-summary')
  if (!(await summary.isVisible())) {
    tour.problem(`${what}: no error summary`)
    return
  }
  const { focused, missing } = await tour.page.evaluate(() => ({
    focused: document.activeElement?.classList.contains('govuk-error-summary') ?? false,
    missing: Array.from(
      document.querySelectorAll('.govuk-error-summary a'),
      (link) => link.getAttribute('href') ?? '',
    ).filter((href) => !href.startsWith('#') || !document.getElementById(href.slice(1))),
  }))
  if (!focused) tour.problem(`${what}: the error summary does not take focus`)
  for (const href of missing) tour.problem(`${what}: the error summary links to "${href}", not on the page`)
}
