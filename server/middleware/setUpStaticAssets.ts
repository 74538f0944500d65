import express, { type Express } from 'express'
import { fromRoot } from '../projectRoot'

/** Compiled CSS, pictures and small scripts. Served before sessions so assets never touch the database. */
export function setUpStaticAssets(app: Express): void {
  app.use(express.static(fromRoot('public'), { maxAge: '1h', index: false, dotfiles: 'ignore' }))
}
