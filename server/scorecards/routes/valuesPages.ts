import type { Request, Response } from 'express'
import type { Database } from '../../db/database'
import { NotFoundError } from '../../errors'
import { formatCsvRecord } from '../../exports/csvFormat'
import { noErrors, type FormErrors } from '../../forms/formErrors'
import { postedFields } from '../../forms/postedFields'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { parseAdministrativeCsv, type ImportProblem } from '../files/administrativeImport'
import { listAdministrativeValues } from '../store/factQueries'
import { formatValue } from '../model/formatFigures'
import { indicatorHandle } from '../model/indicatorHandle'
import { loadIndicator } from './indicatorPages'
import { formErrorsOf } from './figureFilePages'
import { saveAdministrativeAudited } from './importPages'
import { parsePeriod } from '../model/periods'
import { periodLabel } from '../model/periodLabel'
import type { Indicator } from '../model/types'

const fieldOf = (problem: ImportProblem): string => (/period/i.test(problem.key) ? 'period' : 'value')

async function render(
  db: Database,
  req: Request,
  res: Response,
  indicator: Indicator,
  form?: { values: Record<string, string>; errors: FormErrors },
) {
  if (indicator.kind !== 'administrative') throw new NotFoundError('Not an administrative indicator')
  const entered = await listAdministrativeValues(db, signedInOfficer(req).organisationId, indicator.id)
  const errors = form?.errors ?? noErrors
  res.status(errors.errorList.length > 0 ? 400 : 200).render('manage/scorecards/values', {
    pageTitle: req.t('pages.values.title', { number: indicator.number }),
    hasErrors: errors.errorList.length > 0,
    errors,
    values: form?.values ?? { period: '', value: '' },
    indicator: {
      number: indicator.number,
      wording: indicator.wording,
      frequency: req.t(`scorecards.frequency.${indicator.frequency}`),
    },
    periodHint: req.t(`pages.values.periodHint.${indicator.frequency}`),
    action: paths.manage.scorecardValues(indicatorHandle(indicator.number)),
    entered: entered.map((each) => {
      const period = parsePeriod(indicator.frequency, each.period)
      return {
        period: period ? periodLabel(period, req.t, req.language) : each.period,
        value: formatValue(each.value, indicator.unit, req.t, req.language),
        enteredBy: each.enteredBy,
      }
    }),
  })
}

export const valuesPage = (db: Database) => async (req: Request, res: Response) => {
  await render(db, req, res, await loadIndicator(db, req))
}

/** One figure for one period, checked by the same rules as an imported file. */
export const saveValue = (db: Database) => async (req: Request, res: Response) => {
  const indicator = await loadIndicator(db, req)
  const officer = signedInOfficer(req)
  const values = postedFields(req.body, ['period', 'value'])
  const csv = `indicator,period,value\n${formatCsvRecord([indicator.number, values.period ?? '', values.value ?? ''])}`
  const checked = parseAdministrativeCsv(csv, [indicator])
  if (!checked.ok) {
    const errors = formErrorsOf(checked.problems, fieldOf, ['period', 'value'], req.t)
    await render(db, req, res, indicator, { values, errors })
    return
  }
  await saveAdministrativeAudited(db, officer, [indicator], checked.values)
  res.redirect(303, paths.manage.scorecardValues(indicatorHandle(indicator.number)))
}
