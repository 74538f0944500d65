import { localHelpKey, localHelpLimit } from '../../server/organisationSettings/localHelp'
import { paths } from '../../server/paths'
import { postForm } from '../helpers/officers'
import { auditRows, useSettingsFixture } from './settingsFixture'

const settings = useSettingsFixture()

const page = paths.settings.section('local-help')

const storedHelp = async () => {
  const [row] = await settings.database.db.query<{ local_help: { name: string }[] }>(
    'SELECT local_help FROM organisations WHERE id = $1',
    [settings.organisation.id],
  )
  return row?.local_help ?? []
}

const sendiass = {
  helpName: 'Northshire SENDIASS',
  helpPhone: '01632 960 100',
  helpEmail: 'sendiass@northshire.example',
  helpWebsite: 'https://sendiass.northshire.example',
  helpDescription: 'Free, impartial advice about SEND for children, young people and parents.',
}
const frontDoor = {
  helpName: "Children's Services Front Door",
  helpPhone: '01632 960 200',
  helpEmail: '',
  helpWebsite: '',
  helpDescription: 'If you are worried about a child.',
}

const add = (fields: Record<string, string>) => postForm(settings.admin, page, page, fields)

describe('local help contacts, without JavaScript', () => {
  it('starts empty and adds contacts one at a time, back on the same page with a banner', async () => {
    const empty = await settings.admin.get(page)
    expect(empty.status).toBe(200)
    expect(empty.text).toContain('There are no local help contacts yet.')
    const added = await add(sendiass)
    expect(added.status).toBe(303)
    expect(added.headers.location).toBe(page)
    expect((await add(frontDoor)).status).toBe(303)
    expect(await storedHelp()).toEqual([
      {
        name: 'Northshire SENDIASS',
        phone: '01632 960 100',
        email: 'sendiass@northshire.example',
        website: 'https://sendiass.northshire.example',
        description: 'Free, impartial advice about SEND for children, young people and parents.',
      },
      {
        name: "Children's Services Front Door",
        phone: '01632 960 200',
        email: '',
        website: '',
        description: 'If you are worried about a child.',
      },
    ])
    const list = await settings.admin.get(page)
    expect(list.text).toContain('Local help contact added')
    expect(list.text).toContain('Remove Northshire SENDIASS')
    expect(list.text).toContain('Remove Children&#39;s Services Front Door')
    expect((await auditRows(settings)).map((row) => row.details)).toEqual([
      { fields: 'localHelp', change: 'added', contacts: 1 },
      { fields: 'localHelp', change: 'added', contacts: 2 },
    ])
  })

  it('refuses a contact with no name and no way to reach it, or a bad address: 400, input kept, nothing added', async () => {
    const before = await storedHelp()
    const auditCount = (await auditRows(settings)).length
    const cases: [Record<string, string>, string[]][] = [
      [{ ...frontDoor, helpName: '', helpPhone: '' }, ['#helpName', '#helpPhone']],
      [{ ...frontDoor, helpPhone: '0044 not a number' }, ['#helpPhone']],
      [{ ...sendiass, helpEmail: 'sendiass.northshire' }, ['#helpEmail']],
      [{ ...sendiass, helpWebsite: 'http://sendiass.northshire.example' }, ['#helpWebsite']],
      [{ ...sendiass, helpDescription: 'd'.repeat(301) }, ['#helpDescription']],
      [{ ...sendiass, helpName: 'n'.repeat(121) }, ['#helpName']],
    ]
    for (const [fields, links] of cases) {
      const refused = await add(fields)
      expect(refused.status).toBe(400)
      for (const link of links) expect(refused.text).toContain(`<a href="${link}">`)
      for (const value of Object.values(fields).filter((each) => each !== ''))
        expect(refused.text).toContain(value.replaceAll("'", '&#39;'))
    }
    expect(await storedHelp()).toEqual(before)
    expect(await auditRows(settings)).toHaveLength(auditCount)
  })

  it('removes the contact whose button was pressed; pressing it again changes nothing', async () => {
    const [first, second] = (await storedHelp()) as unknown as Parameters<typeof localHelpKey>[0][]
    if (!first || !second) throw new Error('Two contacts expected')
    const removeAction = paths.settings.localHelpRemove
    const removed = await postForm(settings.admin, page, removeAction, { entry: localHelpKey(first) })
    expect(removed.status).toBe(303)
    expect(removed.headers.location).toBe(page)
    expect((await storedHelp()).map((entry) => entry.name)).toEqual([second.name])
    expect((await settings.admin.get(page)).text).toContain('Local help contact removed')
    const again = await postForm(settings.admin, page, removeAction, { entry: localHelpKey(first) })
    expect(again.status).toBe(303)
    expect((await storedHelp()).map((entry) => entry.name)).toEqual([second.name])
    expect((await auditRows(settings)).at(-1)?.details).toEqual({
      fields: 'localHelp',
      change: 'removed',
      contacts: 1,
    })
    expect((await auditRows(settings)).filter((row) => row.details.change === 'removed')).toHaveLength(1)
  })

  it(`holds at most ${localHelpLimit}: the form goes, and a post anyway is a 400 that adds nothing`, async () => {
    const entries = Array.from({ length: localHelpLimit }, (_, index) => ({
      name: `Service ${index}`,
      phone: '0800 1111',
      email: '',
      website: '',
      description: '',
    }))
    await settings.database.db.query('UPDATE organisations SET local_help = $2::jsonb WHERE id = $1', [
      settings.organisation.id,
      JSON.stringify(entries),
    ])
    const full = await settings.admin.get(page)
    expect(full.text).toContain('You have the most contacts allowed')
    expect(full.text).not.toContain('name="helpName"')
    const refused = await add(sendiass)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Remove one before adding another')
    expect(await storedHelp()).toHaveLength(localHelpLimit)
  })
})
