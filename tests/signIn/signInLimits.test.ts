import { paths } from '../../server/paths'
import { signInLimits } from '../../server/signIn/rateLimit'
import { insertOrganisation } from '../helpers/factories'
import { csrfTokenIn } from '../helpers/respondent'
import { addOfficer } from '../helpers/officers'
import { linkIn } from '../helpers/smtpServer'
import { waitForEmailJobs } from './signInJobs'
import { useSignInServer } from './signInServer'

const heard = useSignInServer()

const newOfficer = async () => {
  const organisation = await insertOrganisation(heard.database.db)
  return addOfficer(heard.database.db, organisation.id, 'analyst')
}

const linksTo = (email: string) =>
  heard.smtp.received
    .filter((mail) => mail.to.includes(email))
    .map((mail) => new URL(linkIn(mail.text) ?? '').pathname)

describe('a stranger cannot lock an officer out', () => {
  it('sends at most the limit of emails to an address; later requests get the same page and send nothing', async () => {
    const officer = await newOfficer()
    const stranger = heard.clients.client('127.0.0.2')
    const statuses: number[] = []
    for (let ask = 0; ask < signInLimits.emailsPerAddress + 3; ask += 1) {
      const asked = await stranger.askForLink(officer.email)
      statuses.push(asked.status)
      expect(asked.text).toContain(`If ${officer.email} belongs to an officer`)
    }
    expect(statuses.every((status) => status === 200)).toBe(true)
    await waitForEmailJobs(heard.database.db)
    expect(linksTo(officer.email)).toHaveLength(signInLimits.emailsPerAddress)
  })

  it('the officer, asking after the stranger, gets the same page, and the newest link in their inbox signs them in', async () => {
    const officer = await newOfficer()
    const stranger = heard.clients.client('127.0.0.3')
    for (let ask = 0; ask < signInLimits.emailsPerAddress + 2; ask += 1)
      await stranger.askForLink(officer.email)
    await waitForEmailJobs(heard.database.db)
    const self = heard.clients.client('127.0.0.4')
    const asked = await self.askForLink(officer.email)
    expect(asked.status).toBe(200)
    expect(asked.text).toContain('Check your email')
    await waitForEmailJobs(heard.database.db)
    const links = linksTo(officer.email)
    expect(links).toHaveLength(signInLimits.emailsPerAddress)
    // Asking again sent nothing and took nothing back: the newest link, and the oldest, still work.
    expect((await self.get(links[0] ?? '')).status).toBe(200)
    const signedIn = await self.signInWith(links.at(-1) ?? '')
    expect(signedIn.status).toBe(303)
    expect(signedIn.headers.location).toBe(paths.manage.surveys)
  })

  it('limits link requests per client, whatever the address, and not other clients', async () => {
    const busy = heard.clients.client('127.0.0.5')
    const statuses: number[] = []
    for (let ask = 0; ask <= signInLimits.requestsPerClient; ask += 1)
      statuses.push((await busy.askForLink(`someone-${String(ask)}@nowhere.example`)).status)
    expect(statuses.slice(0, signInLimits.requestsPerClient).every((status) => status === 200)).toBe(true)
    const refused = statuses.at(-1)
    expect(refused).toBe(429)
    expect((await heard.clients.client('127.0.0.6').askForLink('someone@nowhere.example')).status).toBe(200)
  })
})

describe('guessing link tokens', () => {
  it('refuses a client with 429 after too many unusable tokens, even with a good one, and no other client', async () => {
    const officer = await newOfficer()
    const guesser = heard.clients.client('127.0.0.7')
    const owner = heard.clients.client('127.0.0.8')
    await owner.askForLink(officer.email)
    await owner.askForLink(officer.email)
    await waitForEmailJobs(heard.database.db)
    const [first, second] = linksTo(officer.email)

    for (let guess = 0; guess < signInLimits.badTokensPerClient; guess += 1) {
      const wrong = paths.signIn.link(`${'A'.repeat(40)}${String(100 + guess)}`)
      expect((await guesser.get(wrong)).status).toBe(410)
    }
    const refused = await guesser.get(first ?? '')
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Too many sign-in requests')
    const pressed = await guesser.post(paths.signIn.linkAction, { token: 'x' })
    expect([403, 429]).toContain(pressed.status)

    // The link the guesser could not use is still good for its owner, on another connection.
    expect((await owner.signInWith(second ?? '')).status).toBe(303)
  })

  it('counts bad tokens pressed on the sign-in button too', async () => {
    const guesser = heard.clients.client('127.0.0.9')
    const officer = await newOfficer()
    await heard.clients.client('127.0.0.10').askForLink(officer.email)
    await waitForEmailJobs(heard.database.db)
    const [good] = linksTo(officer.email)
    const page = await guesser.get(good ?? '')
    expect(page.status).toBe(200)
    const csrf = csrfTokenIn(page.text)
    for (let guess = 0; guess < signInLimits.badTokensPerClient; guess += 1)
      expect(
        (await guesser.post(paths.signIn.linkAction, { token: `bad-${String(guess)}`, _csrf: csrf })).status,
      ).toBe(410)
    expect(
      (await guesser.post(paths.signIn.linkAction, { token: good?.split('/').at(-1) ?? '', _csrf: csrf }))
        .status,
    ).toBe(429)
  })
})
