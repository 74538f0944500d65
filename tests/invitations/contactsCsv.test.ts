import { checkContactsCsv } from '../../server/invitations/contactsCsv'

describe('checking a contacts CSV', () => {
  it('reads columns by name in any case and order, with a byte order mark and Windows line ends', () => {
    const csv = '\uFEFFGroup,LANGUAGE,E-mail,Name\r\nOak,Welsh,a@example.org,Ann\r\n,,b@example.org,\r\n'
    expect(checkContactsCsv(csv, new Set())).toEqual({
      kind: 'checked',
      contacts: [
        { row: 2, email: 'a@example.org', name: 'Ann', language: 'cy', group: 'Oak' },
        { row: 3, email: 'b@example.org', name: null, language: 'en', group: null },
      ],
      problems: [],
    })
  })

  it('numbers rows as a spreadsheet does, counting a quoted cell over two lines as one row', () => {
    const csv = 'email,name\n"a@example.org","Ann\nJones"\nnope,Bob\n'
    const checked = checkContactsCsv(csv, new Set())
    expect(checked).toMatchObject({ kind: 'checked', problems: [{ row: 3, reason: 'email-invalid' }] })
  })

  it('keeps the first of two rows with one address, whatever its case, and leaves out those invited before', () => {
    const checked = checkContactsCsv(
      'email\nA@example.org\na@EXAMPLE.org\nold@example.org\n',
      new Set(['old@example.org']),
    )
    expect(checked).toMatchObject({
      kind: 'checked',
      contacts: [{ row: 2, email: 'A@example.org' }],
      problems: [
        { row: 3, reason: 'duplicate' },
        { row: 4, reason: 'already-invited' },
      ],
    })
  })

  it('refuses what cannot be a contact list at all', () => {
    expect(checkContactsCsv('', new Set())).toEqual({ kind: 'refused', reason: 'empty' })
    expect(checkContactsCsv('name\nAnn\n', new Set())).toEqual({ kind: 'refused', reason: 'no-email-column' })
    expect(checkContactsCsv('email\n"a@example.org\n', new Set())).toEqual({
      kind: 'refused',
      reason: 'unreadable',
    })
    expect(checkContactsCsv(`email\n${'a@example.org\n'.repeat(50_001)}`, new Set())).toEqual({
      kind: 'refused',
      reason: 'too-many',
    })
  })
})
