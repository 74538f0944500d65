import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formatCsvRecord } from '../../exports/csvFormat'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { postedFields } from '../../forms/postedFields'
import type { Officer } from '../../officers/queries'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { recordReferenceValues } from '../../audit/scorecardChanges'
import type { ImportProblem } from '../files/administrativeImport'
import { parseReferenceCsv } from '../files/referenceImport'
import { formatValue } from '../model/formatFigures'
import { indicatorHandle } from '../model/indicatorHandle'
import { parsePeriod } from '../model/periods'
import { periodLabel } from '../model/periodLabel'
import { referenceAreas, type Indicator, type ReferenceArea, type ReferenceValue } from '../model/types'
import {
  findReferenceValues,
  listReferenceValues,
  removeReferenceValue,
  saveReferenceValues,
} from '../store/referenceQueries'
import { loadIndicator } from './indicatorPages'
import { figureFilePage, formErrorsOf, importFigureFile, type FigureFile } from './figureFilePages'

/** Which field of the one-row form an import problem belongs to. */
function fieldOf(problem: ImportProblem): string {
  const name = problem.key.slice(problem.key.lastIndexOf('.') + 1)
  if (/^period/.test(name)) return 'period'
  if (/Area$|^unknownArea$/.test(name)) return 'area'
  if (/^source/.test(name)) return 'source'
  return 'value'
}

const fields = ['period', 'area', 'value', 'source']

async function render(
  db: Database,
  req: Request,
  res: Response,
  indicator: Indicator,
  form?: { values: Record<string, string>; errors: FormErrors },
) {
  const entered = await listReferenceValues(db, signedInOfficer(req).organisationId, indicator.id)
  const errors = form?.errors ?? noErrors
  const values = form?.values ?? { period: '', area: '', value: '', source: '' }
  const action = paths.manage.scorecardComparisons(indicatorHandle(indicator.number))
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/comparisons', {
    pageTitle: req.t('pages.comparisons.title', { number: indicator.number }),
    hasErrors: errors.errorList.length > 0,
    errors,
    values,
    indicator: { number: indicator.number, wording: indicator.wording },
    periodHint: req.t(`pages.values.periodHint.${indicator.frequency}`),
    areas: referenceAreas.map((area) => ({
      value: area,
      text: req.t(`scorecards.referenceArea.${area}`),
      checked: values.area === area,
    })),
    action,
    removeAction: `${action}/remove`,
    entered: entered.map((each) => {
      const period = parsePeriod(indicator.frequency, each.period)
      return {
        period: period ? periodLabel(period, req.t, req.language) : each.period,
        periodKey: each.period,
        area: req.t(`scorecards.referenceArea.${each.area}`),
        areaKey: each.area,
        value: formatValue(each.value, indicator.unit, req.t, req.language),
        source: each.source,
        enteredBy: each.enteredBy,
      }
    }),
  })
}

/** Saves reference values and their audit line together: what they replace is kept in the line. */
async function saveAudited(
  db: Database,
  officer: Officer,
  indicators: readonly Indicator[],
  values: readonly ReferenceValue[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findReferenceValues(tx, officer.organisationId, values)
    await recordReferenceValues(tx, officer, { indicators, before, after: values })
    await saveReferenceValues(tx, officer.organisationId, values, officer.email)
  })
}

export const comparisonsPage = (db: Database) => async (req: Request, res: Response) => {
  await render(db, req, res, await loadIndicator(db, req))
}

/** One reference value, checked by the same rules as an imported file. */
export const saveComparison = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const officer = signedInOfficer(req)
  const values = postedFields(req.body, fields)
  const row = [
    indicator.number,
    values.period ?? '',
    values.area ?? '',
    values.value ?? '',
    values.source ?? '',
  ]
  const checked = parseReferenceCsv(`indicator,period,area,value,source\n${formatCsvRecord(row)}`, [
    indicator,
  ])
  if (!checked.ok) {
    const errors = formErrorsOf(checked.problems, fieldOf, fields, req.t)
    await render(db, req, res, indicator, { values, errors })
    return
  }
  await saveAudited(db, officer, [indicator], checked.values)
  res.redirect(303, paths.manage.scorecardComparisons(indicatorHandle(indicator.number)))
}

export const removeComparison = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const officer = signedInOfficer(req)
  const { period = '', area = '' } = postedFields(req.body, ['period', 'area'])
  if (!(referenceAreas as readonly string[]).includes(area))
    throw new NotFoundError('No such reference value')
  const removed = await db.transaction(async (tx) => {
    const gone = await removeReferenceValue(tx, officer.organisationId, {
      indicatorId: indicator.id,
      period,
      area: area as ReferenceArea,
    })
    if (gone) await recordReferenceValues(tx, officer, { indicators: [indicator], before: [gone], after: [] })
    return gone !== undefined
  })
  if (!removed) throw new NotFoundError('No such reference value')
  res.redirect(303, paths.manage.scorecardComparisons(indicatorHandle(indicator.number)))
}

const comparisonFile: FigureFile<ReferenceValue> = {
  words: 'pages.comparisonImport',
  action: paths.manage.scorecardComparisonImport,
  example:
    'indicator,period,area,value,source\n5.2,2026-Q3,england,58.1,DfE SEN2 2026\n5.2,2026-Q3,region,55.4,DfE SEN2 2026',
  check: parseReferenceCsv,
  save: saveAudited,
}

export const comparisonImportPage = () => figureFilePage(comparisonFile)

/** A CSV of reference values, taken whole or not at all. */
export const importComparisons = (db: Database) => importFigureFile(db, comparisonFile)
