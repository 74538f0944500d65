import fs from 'node:fs'
import path from 'node:path'

/** The folder holding package.json, whether running from server/ through tsx or from dist/. */
function findProjectRoot(start: string): string {
  let folder = start
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- folders above this module, never a request
  while (!fs.existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder)
    if (parent === folder) throw new Error(`No package.json above ${start}`)
    folder = parent
  }
  return folder
}

export const projectRoot = findProjectRoot(__dirname)
export const fromRoot = (...parts: string[]): string => path.join(projectRoot, ...parts)
