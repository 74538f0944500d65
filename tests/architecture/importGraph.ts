import fs from 'node:fs'
import path from 'node:path'
import { projectRoot } from '../../server/projectRoot'

/** Every module under a folder of the project, by path relative to the project, with what it imports. */
export function importGraph(folder: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  const visit = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (entry.name.endsWith('.ts')) graph.set(path.relative(projectRoot, full), importsOf(full))
    }
  }
  visit(path.join(projectRoot, folder))
  return graph
}

const specifier = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g

/** What a module imports: packages by name, project modules by path relative to the project (with .ts). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(specifier)].map(([, name = '']) =>
    name.startsWith('.') ? path.relative(projectRoot, path.resolve(path.dirname(file), name)) + '.ts' : name,
  )
}

/** The import circles among the given modules, each as the list of modules around it. */
export function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const walk = (module: string) => {
    state.set(module, 'open')
    stack.push(module)
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)))
      else if (!state.has(next)) walk(next)
    }
    stack.pop()
    state.set(module, 'done')
  }
  for (const module of graph.keys()) if (!state.has(module)) walk(module)
  return found
}
