import fs from 'node:fs'
import { Router } from 'express'
import { z } from 'zod'
import { paths } from '../paths'
import { fromRoot } from '../projectRoot'

const picturesSchema = z.array(z.object({ name: z.string() }).loose())

/** Pages that belong to no survey: the home page and the accessibility statement with picture credits. */
export function pageRoutes(): Router {
  const pictures = picturesSchema.parse(
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- a fixed file of the project
    JSON.parse(fs.readFileSync(fromRoot('public', 'pictures', 'pictures.json'), 'utf8')),
  )
  const router = Router()
  router.get(paths.home, (req, res) => {
    res.render('pages/home', { pageTitle: req.t('pages.home.title') })
  })
  router.get(paths.accessibility, (req, res) => {
    res.render('pages/accessibility', { pageTitle: req.t('pages.accessibility.title'), pictures })
  })
  return router
}
