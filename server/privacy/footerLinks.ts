import { paths } from '../paths'

/**
 * The footer of every page that belongs to an organisation: its privacy notice (the easy-read one
 * first on easy-read pages, the full one beside it), its accessibility statement and its contact page.
 */
export function organisationFooter(organisation: string, options: { easyRead: boolean }) {
  const pages = paths.organisationPages
  return {
    links: [
      ...(options.easyRead
        ? [{ key: 'privacy.footer.easyReadPrivacy', href: pages.easyReadPrivacy(organisation) }]
        : []),
      { key: 'privacy.footer.privacy', href: pages.privacy(organisation) },
      { key: 'privacy.footer.accessibility', href: pages.accessibility(organisation) },
      { key: 'privacy.footer.contact', href: pages.contact(organisation) },
    ],
  }
}

export type OrganisationFooter = ReturnType<typeof organisationFooter>
