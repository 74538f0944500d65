import type { Request } from 'express'
import { BadRequestError } from '../../errors'
import { londonToday } from '../../i18n/londonDates'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { periodLabel } from '../model/periodLabel'
import { periodContaining } from '../model/periods'
import { chosenMonth, chosenPeriod, recentMonths, recentPeriods } from '../model/scorecardPeriods'
import type { Period } from '../model/types'

/**
 * What an officer's scorecard page or download is for: a period of the organisation's publishing
 * frequency (?period=2026-H1; the one running when none is asked), or a month (?month=2026-05) for
 * a board that reads the figures monthly. Anything else is a 400: the choosers offer only real ones.
 */
export interface ScorecardChoice {
  byMonth: boolean
  asAt: Period
  /** The query asking for the same again: for downloads, outcome pages and links back. */
  query: string
}

export function scorecardChoice(req: Request): ScorecardChoice {
  if (req.query.month !== undefined) {
    const asAt = chosenMonth(req.query.month)
    if (!asAt) throw new BadRequestError('Not a month')
    return { byMonth: true, asAt, query: `?month=${asAt.key}` }
  }
  const frequency = signedInOfficer(req).publishFrequency
  const asAt = chosenPeriod(frequency, req.query.period)
  if (!asAt) throw new BadRequestError(`Not a period of the organisation's frequency, ${frequency}`)
  return { byMonth: false, asAt, query: `?period=${asAt.key}` }
}

/** The periods (or months) offered, newest first, with the one shown chosen. */
function chooserOf(req: Request, choice: ScorecardChoice, action: string, today: string) {
  const frequency = signedInOfficer(req).publishFrequency
  const offered = choice.byMonth ? recentMonths(today) : recentPeriods(frequency, today)
  return {
    action,
    name: choice.byMonth ? 'month' : 'period',
    label: req.t(`pages.scorecards.chooser.${choice.byMonth ? 'monthly' : frequency}`),
    options: offered.map((each) => ({
      value: each.key,
      text: periodLabel(each, req.t, req.language),
      selected: each.key === choice.asAt.key,
    })),
  }
}

/**
 * The link to the other way of looking: from a month to the period holding it, and from a period
 * to its last month (this month, while the period runs; this month too, for a period so long ago
 * that the month chooser does not offer its months).
 */
function otherViewOf(req: Request, choice: ScorecardChoice, action: string, today: string) {
  const frequency = signedInOfficer(req).publishFrequency
  if (choice.byMonth)
    return {
      href: `${action}?period=${periodContaining(frequency, choice.asAt.end).key}`,
      text: req.t(`pages.scorecards.byPeriodLink.${frequency}`),
    }
  const months = recentMonths(today)
  const last = periodContaining('monthly', choice.asAt.end < today ? choice.asAt.end : today)
  const month = months.find((each) => each.key === last.key) ?? months[0] ?? last
  return { href: `${action}?month=${month.key}`, text: req.t('pages.scorecards.byMonthLink') }
}

/** What the choosers, the links between the views and the downloads need, for a page at `action`. */
export function choiceModel(req: Request, choice: ScorecardChoice, action: string, today = londonToday()) {
  return {
    chooser: chooserOf(req, choice, action, today),
    byMonth: choice.byMonth,
    otherView: otherViewOf(req, choice, action, today),
    downloadQuery: choice.query,
  }
}
