import type { Database } from '../../db/database'
import type { Officer } from '../../officers/queries'
import { paths } from '../../paths'
import { parseAdministrativeCsv, type ImportedValue } from '../files/administrativeImport'
import { recordAdministrativeValues } from '../../audit/scorecardChanges'
import type { Indicator } from '../model/types'
import { saveAdministrativeValues } from '../store/factQueries'
import { refreshAdministrativeFacts } from '../store/recomputeFacts'
import { figureFilePage, importFigureFile, type FigureFile } from './figureFilePages'

/** Administrative figures and their audit line in one transaction, then the facts they feed. */
export async function saveAdministrativeAudited(
  db: Database,
  officer: Officer,
  indicators: readonly Indicator[],
  values: ImportedValue[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await recordAdministrativeValues(tx, officer, { indicators, values })
    await saveAdministrativeValues(tx, officer.organisationId, values, officer.email)
  })
  await refreshAdministrativeFacts(db, officer.organisationId)
}

const administrativeFile: FigureFile<ImportedValue> = {
  words: 'pages.administrativeImport',
  action: paths.manage.scorecardImport,
  example: 'indicator,period,value\n5.2,2026-Q3,61.5\n5.3,2026-10,12',
  check: parseAdministrativeCsv,
  save: saveAdministrativeAudited,
}

export const importPage = () => figureFilePage(administrativeFile)

/** A CSV of administrative figures, taken whole or not at all. */
export const importFile = (db: Database) => importFigureFile(db, administrativeFile)
