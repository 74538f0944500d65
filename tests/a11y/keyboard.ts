import type { Tour } from './tour'

const maxTabs = 20

const focusedId = (tour: Tour) => tour.page.evaluate(() => document.activeElement?.id ?? '')

/**
 * On a radio question, from the top of the page: Tab reaches the first radio, Space chooses it,
 * Tab moves on to Continue and Enter sends the form. Returns false if any step did not happen.
 */
export async function answerByKeyboard(tour: Tour): Promise<boolean> {
  const { page } = tour
  const firstRadio = page.locator('input[type="radio"]').first()
  const firstId = await firstRadio.getAttribute('id')
  let tabs = 0
  while (tabs < maxTabs && (await focusedId(tour)) !== firstId) {
    await page.keyboard.press('Tab')
    tabs += 1
  }
  if ((await focusedId(tour)) !== firstId) {
    tour.problem(`keyboard: ${maxTabs} presses of Tab did not reach the first radio`)
    return false
  }
  await page.keyboard.press('Space')
  if (!(await firstRadio.isChecked())) {
    tour.problem('keyboard: Space on the first radio did not choose it')
    return false
  }
  await page.keyboard.press('Tab')
  const onContinue = await page.evaluate(
    () => document.activeElement?.matches('form button[type="submit"]') ?? false,
  )
  if (!onContinue) {
    tour.problem('keyboard: Tab after the radios did not reach Continue')
    return false
  }
  await tour.navigate('pressing Enter on Continue', () => page.keyboard.press('Enter'))
  return true
}
