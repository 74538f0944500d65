import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export type Language = 'en' | 'ur'

export interface PageResult {
  language: Language
  name: string
  /** axe rules broken on the page. */
  violations: number
  /** Every failure on the page, axe or ours, one line each. */
  problems: string[]
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const minimumTarget = 44
const narrowWidth = 320

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ')

async function axeProblems(page: Page): Promise<{ violations: number; problems: string[] }> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  const problems: string[] = []
  for (const rule of results.violations)
    for (const node of rule.nodes)
      problems.push(
        `axe ${rule.id} (${node.impact ?? 'n/a'}) at ${node.target.join(' ')}: ${oneLine(node.failureSummary ?? rule.help)}`,
      )
  // Contrast axe could not decide is treated as a failure: a person would still have to check it.
  for (const rule of results.incomplete.filter(({ id }) => id === 'color-contrast'))
    for (const node of rule.nodes)
      problems.push(
        `axe color-contrast (incomplete) at ${node.target.join(' ')}: ${oneLine(node.any.map(({ message }) => message).join('; '))}`,
      )
  return { violations: results.violations.length, problems }
}

/** Easy-read pages promise text at 7:1 contrast or more: axe's enhanced contrast rule (WCAG AAA 1.4.6). */
async function easyReadContrastProblems(page: Page): Promise<string[]> {
  const easyRead = await page.locator('main.heard-easy-read').count()
  if (easyRead === 0) return []
  const results = await new AxeBuilder({ page })
    .withRules(['color-contrast-enhanced'])
    .include('main')
    .analyze()
  return [...results.violations, ...results.incomplete].flatMap((rule) =>
    rule.nodes.map((node) => `easy read: ${rule.id} under 7:1 at ${node.target.join(' ')}`),
  )
}

async function languageProblems(page: Page, language: Language): Promise<string[]> {
  const { lang, dir } = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }))
  const expectedDir = language === 'ur' ? 'rtl' : 'ltr'
  const problems: string[] = []
  if (lang !== language) problems.push(`<html lang="${lang}">, expected "${language}"`)
  if (dir !== expectedDir) problems.push(`<html dir="${dir}">, expected "${expectedDir}"`)
  return problems
}

/** Radio and checkbox labels (the box a finger taps), buttons and details summaries must be at least 44px tall. */
async function targetProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  const targets = page.locator('.govuk-radios__label, .govuk-checkboxes__label, button, summary')
  for (const target of await targets.all()) {
    const box = await target.boundingBox()
    if (!box || box.height >= minimumTarget) continue
    const text = (await target.innerText()).trim().slice(0, 40)
    problems.push(`target "${text}" is ${box.height.toFixed(1)}px tall, under ${minimumTarget}px`)
  }
  return problems
}

/**
 * An id used twice: a label, error summary link or aria reference finds only the first. axe no longer
 * checks this (WCAG 2.2 dropped 4.1.1 Parsing), so we do.
 */
async function duplicateIdProblems(page: Page): Promise<string[]> {
  const repeated = await page.evaluate(() => {
    const counts = new Map<string, number>()
    for (const element of Array.from(document.querySelectorAll('[id]')))
      counts.set(element.id, (counts.get(element.id) ?? 0) + 1)
    return [...counts].filter(([, count]) => count > 1)
  })
  return repeated.map(([id, count]) => `id "${id}" is used ${count} times`)
}

async function reflowProblems(page: Page): Promise<string[]> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
  return scrollWidth <= narrowWidth
    ? []
    : [`scrolls sideways at ${narrowWidth}px: scrollWidth is ${scrollWidth}px`]
}

/** Every check made on a page: axe, language and direction, target sizes, repeated ids and, when narrow, reflow. */
export async function checkPage(
  page: Page,
  options: { language: Language; name: string; narrow?: boolean },
): Promise<PageResult> {
  const axe = await axeProblems(page)
  const problems = [
    ...axe.problems,
    ...(await easyReadContrastProblems(page)),
    ...(await languageProblems(page, options.language)),
    ...(await targetProblems(page)),
    ...(await duplicateIdProblems(page)),
    ...(options.narrow ? await reflowProblems(page) : []),
  ]
  return { language: options.language, name: options.name, violations: axe.violations, problems }
}
