import fs from 'node:fs'
import path from 'node:path'
import { paths } from '../../server/paths'
import { everyQuestionTypeAnswers, everyQuestionTypeDefinition } from '../fixtures/everyQuestionType'
import { answerByKeyboard } from './keyboard'
import { checkReadAloud } from './readAloud'
import type { Seeded } from './seed'
import type { Tour } from './tour'

export const screenshotFolder = '/tmp/heard-a11y'

/** Which extras a pass makes besides checking pages. */
interface PassOptions {
  keyboard: boolean
  screenshots: boolean
}

/** The whole page as it looks now, as <language>-<name>.png (-320.png in a narrow window). */
export async function screenshot(tour: Tour, name: string): Promise<void> {
  fs.mkdirSync(screenshotFolder, { recursive: true })
  await tour.page.screenshot({
    path: path.join(
      screenshotFolder,
      `${tour.options.language}-${name}${tour.options.narrow ? '-320' : ''}.png`,
    ),
    fullPage: true,
  })
}

/** Every question of the fixture, one type a page, with the error state on the first. */
async function everyQuestion(tour: Tour, seeded: Seeded, options: PassOptions): Promise<void> {
  const { organisation, everyQuestionType } = seeded
  await tour.visit(paths.respond.start(organisation, everyQuestionType))
  await tour.check('start page')
  await tour.press(tour.page.locator('button.govuk-button--start'))
  for (const question of everyQuestionTypeDefinition.questions) {
    if (!tour.page.url().endsWith(paths.respond.question(organisation, everyQuestionType, question.id)))
      tour.problem(`expected the ${question.id} question, got ${tour.page.url()}`)
    await tour.check(`question: ${question.type}`)
    if (question.type === 'importance' && options.screenshots) await screenshot(tour, 'importance')
    if (question.type === 'importance') {
      await tour.press(tour.continueButton(), 400)
      if (!(await tour.page.locator('.govuk-error-summary').isVisible()))
        tour.problem('no error summary after Continue with no answer')
      const focused = await tour.page.evaluate(() =>
        document.activeElement?.classList.contains('govuk-error-summary'),
      )
      if (!focused) tour.problem('the error summary does not take focus')
      await tour.check('error: nothing chosen')
    }
    if (question.type === 'agreement' && options.keyboard && (await answerByKeyboard(tour))) continue
    await tour.answer(everyQuestionTypeAnswers[question.id] ?? '')
    await tour.press(tour.continueButton())
  }
}

/** The first question of a template, reached from its start page. */
async function firstQuestion(tour: Tour, seeded: Seeded, survey: string): Promise<void> {
  await tour.visit(paths.respond.start(seeded.organisation, survey))
  await tour.press(tour.page.locator('button.govuk-button--start'))
  await tour.check(`${survey}: first question`)
}

/** Every page type once: the journey to confirmation, the closed, missing and accessibility pages, both templates. */
export async function fullPass(tour: Tour, seeded: Seeded): Promise<string> {
  await everyQuestion(tour, seeded, { keyboard: true, screenshots: tour.options.language === 'ur' })
  await tour.check('check answers')
  await tour.press(tour.continueButton())
  await tour.check('confirmation')
  await tour.visit(paths.respond.start(seeded.organisation, seeded.closed), 410)
  await tour.check('closed survey')
  await tour.visit('/no-such-page', 404)
  await tour.check('page not found')
  await tour.visit(paths.accessibility)
  await tour.check('accessibility statement')
  await firstQuestion(tour, seeded, seeded.whatINeed)
  await screenshot(tour, 'what-i-need-first-question')
  const readAloud = await checkReadAloud(tour)
  await firstQuestion(tour, seeded, seeded.ehcpExperience)
  tour.finish('after the last page')
  return readAloud
}

/** The question pages again, in a narrow window, to check reflow. */
export async function narrowPass(tour: Tour, seeded: Seeded): Promise<void> {
  await everyQuestion(tour, seeded, { keyboard: false, screenshots: false })
  await firstQuestion(tour, seeded, seeded.whatINeed)
  await firstQuestion(tour, seeded, seeded.ehcpExperience)
  tour.finish('after the last narrow page')
}
