import { phoneLine, type ContactLine } from './contactLines'

const website = (text: string, href: string): ContactLine => ({ text, href, ltr: true })

/** Help and regulators every organisation's pages point to, the same across the UK. */
export const nationalContacts = {
  emergency: phoneLine('999'),
  childlinePhone: phoneLine('0800 1111'),
  childlineWebsite: website('childline.org.uk', 'https://www.childline.org.uk'),
  icoWebsite: website('ico.org.uk', 'https://ico.org.uk/make-a-complaint/'),
  icoPhone: phoneLine('0303 123 1113'),
  eass: website('equalityadvisoryservice.com', 'https://www.equalityadvisoryservice.com'),
  ecni: website('equalityni.org', 'https://www.equalityni.org'),
  abilityNet: website('mcmw.abilitynet.org.uk', 'https://mcmw.abilitynet.org.uk'),
} as const
