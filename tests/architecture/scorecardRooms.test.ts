import { circles, importGraph } from './importGraph'

const scorecards = importGraph('server/scorecards')
const rooms = ['model', 'store', 'files', 'routes'] as const
const roomOf = (module: string) => rooms.find((room) => module.startsWith(`server/scorecards/${room}/`))

describe('the scorecards rooms', () => {
  it('has every module in one of its four rooms', () => {
    expect([...scorecards.keys()].filter((module) => roomOf(module) === undefined)).toEqual([])
  })

  it('has no import running back up: model, then store, then files, then routes', () => {
    const upward = [...scorecards].flatMap(([module, imports]) =>
      imports
        .filter((imported) => {
          const to = roomOf(imported)
          const from = roomOf(module)
          return to !== undefined && from !== undefined && rooms.indexOf(to) > rooms.indexOf(from)
        })
        .map((imported) => `${module} -> ${imported}`),
    )
    expect(upward).toEqual([])
  })

  it('keeps the model free of Express and SQL', () => {
    const model = [...scorecards].filter(([module]) => roomOf(module) === 'model')
    const reaching = model.flatMap(([module, imports]) =>
      imports
        .filter((imported) => imported === 'express' || imported.startsWith('server/db/'))
        .map((imported) => `${module} -> ${imported}`),
    )
    expect(reaching).toEqual([])
  })

  it('keeps Express out of the store and the files', () => {
    const reaching = [...scorecards]
      .filter(([module]) => roomOf(module) === 'store' || roomOf(module) === 'files')
      .flatMap(([module, imports]) => imports.filter((imported) => imported === 'express').map(() => module))
    expect(reaching).toEqual([])
  })

  it.each(['server/scorecards', 'server/statistics', 'server/pdf', 'server/exports'])(
    'has no import circle in %s',
    (folder) => {
      expect(circles(importGraph(folder))).toEqual([])
    },
  )

  it('keeps the shared rooms below the capabilities that use them', () => {
    const shared = [...importGraph('server/statistics'), ...importGraph('server/pdf')]
    const reaching = shared.flatMap(([module, imports]) =>
      imports
        .filter((imported) => /^server\/(results|scorecards|freeText|exports)\//.test(imported))
        .map((imported) => `${module} -> ${imported}`),
    )
    expect(reaching).toEqual([])
  })
})
