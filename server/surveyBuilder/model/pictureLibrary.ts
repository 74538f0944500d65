import fs from 'node:fs'
import { z } from 'zod'
import { fromRoot } from '../../projectRoot'

const librarySchema = z.array(z.object({ name: z.string(), description: z.string() }).loose())

let library: { name: string; description: string }[] | undefined

/** The bundled pictures (public/pictures/pictures.json), read once. */
export function pictureLibrary(): { name: string; description: string }[] {
  library ??= librarySchema
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- a fixed file under the project root
    .parse(JSON.parse(fs.readFileSync(fromRoot('public', 'pictures', 'pictures.json'), 'utf8')))
    .map(({ name, description }) => ({ name, description }))
  return library
}
