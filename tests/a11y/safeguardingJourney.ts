import { paths } from '../../server/paths'
import { expectErrorSummary, submit } from './formChecks'
import type { Seeded } from './seed'
import type { Tour } from './tour'

/** Answers whatever the page asks (first choice, or words in a text box) until check answers. */
async function answerEveryQuestion(tour: Tour, words: string): Promise<void> {
  for (let page = 0; page < 20 && !tour.page.url().includes('/check-answers'); page += 1) {
    const textarea = tour.page.locator('main textarea[name="answer"]')
    if ((await textarea.count()) > 0) await textarea.fill(words)
    else await tour.page.locator('main .govuk-radios__label, main .govuk-checkboxes__label').first().click()
    await tour.press(tour.continueButton())
  }
}

/** "I want to talk to someone" from a young person's survey, its form refused and sent, and the thank-you page after worrying words. */
export async function safeguardingRespondentPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { organisation, whatINeed } = seeded
  await tour.visit(paths.respond.start(organisation, whatINeed))
  await tour.press(
    tour.page
      .locator(
        `main a[href="${paths.respond.talkToSomeone(organisation, whatINeed)}"], a[href="${paths.respond.talkToSomeone(organisation, whatINeed)}"]`,
      )
      .first(),
  )
  await tour.check('talk to someone')
  await tour.press(submit(tour, 'main form[method="post"]'), 400)
  await expectErrorSummary(tour, 'talk to someone')
  await tour.check('talk to someone, error')
  await tour.page.locator('label[for="contactMethod-2"]').click()
  await tour.check('talk to someone, email shown')
  await tour.page.locator('#email').fill('sam@example.org')
  await tour.page.locator('#message').fill('I would like to talk to someone about home.')
  await tour.press(submit(tour, 'main form[method="post"]'))
  await tour.check('talk to someone, sent')
  await tour.visit(paths.respond.start(organisation, whatINeed))
  await tour.press(tour.page.locator('button.govuk-button--start'))
  await answerEveryQuestion(tour, 'I am not safe at home')
  await tour.press(tour.continueButton())
  await tour.check('confirmation with help')
}

/** The alert pages an admin or safeguarding officer works through, and the phrase list. */
export async function safeguardingOfficerPages(tour: Tour, seeded: Seeded): Promise<void> {
  const { helpRequest, freeText } = seeded.alerts[tour.options.language]
  await tour.visit(paths.manage.surveys)
  await tour.check('officer: home with open alerts')
  await tour.visit(paths.manage.alerts)
  await tour.check('alerts')
  await tour.visit(paths.manage.alert(freeText))
  await tour.check('alert: worrying words')
  await tour.visit(paths.manage.alert(helpRequest))
  await tour.check('alert: help request')
  await tour.press(submit(tour, `main form[action="${paths.manage.alertNotes(helpRequest)}"]`), 400)
  await expectErrorSummary(tour, 'alert: note')
  await tour.check('alert: note, error')
  await tour.press(submit(tour, `main form[action="${paths.manage.alertAcknowledge(helpRequest)}"]`))
  await tour.check('alert: acknowledged')
  await tour.press(submit(tour, `main form[action="${paths.manage.alertClose(helpRequest)}"]`), 400)
  await expectErrorSummary(tour, 'alert: close')
  await tour.check('alert: close, error')
  await tour.page.locator('#closingNote').fill('Spoke to the school safeguarding lead; home visit arranged.')
  await tour.press(submit(tour, `main form[action="${paths.manage.alertClose(helpRequest)}"]`))
  await tour.check('alert: closed')
  await tour.visit(`${paths.manage.safeguardingPhrases}?language=${tour.options.language}`)
  await tour.check('safeguarding phrases')
  await tour.page.locator('#phrase').fill('a')
  await tour.press(
    submit(tour, `main form[action="${paths.manage.safeguardingPhrases}"][method="post"]`),
    400,
  )
  await expectErrorSummary(tour, 'safeguarding phrases')
  await tour.check('safeguarding phrases, error')
}
