import type { Express } from 'express'

interface Layer {
  rawPath?: unknown
  route?: { path: string; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
}

export interface RouteEntry {
  method: string
  path: string
}

/** Every route the application serves, read from Express's own router stack, as "METHOD /path/:param". */
export function routeTable(app: Express): RouteEntry[] {
  const routes: RouteEntry[] = []
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const raw = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods).filter((name) => name !== '_all'))
          routes.push({
            method: method.toUpperCase(),
            path: `${prefix}${layer.route.path}`.replace(/(.)\/$/, '$1'),
          })
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, `${prefix}${raw}`)
      }
    }
  }
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '')
  return routes
}

/** A route's path with each `:parameter` replaced by what `valueFor` gives for its name. */
export const withParameters = (path: string, valueFor: (name: string) => string): string =>
  path.replace(/:([A-Za-z]+)/g, (_whole, name: string) => valueFor(name))

/** The names of a route's parameters, in order. */
export const parameterNames = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '')
