import fs from 'node:fs'
import type { AxeResults, ElementContext, NodeResult, RunOptions } from 'axe-core'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { fromRoot } from '../../server/projectRoot'

/** The languages a tour goes round in: left to right and right to left. */
export type Language = 'en' | 'ur'
/** The language a page is checked in: a tour may also ask for a page in Welsh. */
export type PageLanguage = Language | 'cy'

export interface PageResult {
  language: PageLanguage
  name: string
  /** axe rules broken on the page. */
  violations: number
  /** Every failure on the page, axe or ours, one line each. */
  problems: string[]
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const minimumTarget = 44
const narrowWidth = 320

/**
 * axe skips text it takes for an icon font's ligature (a word drawn as one glyph). Its test
 * compares a string's width with the sum of its letters' widths, which joined Arabic script
 * always fails, so without this no Urdu text on any page would be checked for contrast. Arabic
 * letters are never an icon's name, so for text holding them the test answers no.
 */
const ligatureTest = 'function _isIconLigature(textVNode) {'
const axeSource = fs
  .readFileSync(fromRoot('node_modules', 'axe-core', 'axe.js'), 'utf8')
  .replace(
    ligatureTest,
    `${ligatureTest} if (/[\\u0600-\\u06FF\\u0750-\\u077F]/.test(textVNode.actualNode.nodeValue)) return false;`,
  )
if (!axeSource.includes(`${ligatureTest} if (`))
  throw new Error(`axe-core has no "${ligatureTest}" to adjust`)

/**
 * axe goes into every page of the context before the page's own scripts, as part of loading it.
 * Handing the 1.3 MB source to each page after it loads (as a wrapper library does on every
 * analyse) costs more than running the rules; loaded this way a page is checked about three
 * times faster.
 */
export async function newCheckedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options)
  await context.addInitScript(axeSource)
  context.setDefaultTimeout(15_000)
  return context
}

declare global {
  interface Window {
    axe?: { run: (context: ElementContext, options: RunOptions) => Promise<AxeResults> }
  }
}

/** Runs axe on the part of the page given, or the whole page when that is null. */
async function runAxe(
  page: Page,
  context: { include: string[][] } | null,
  options: RunOptions,
): Promise<AxeResults> {
  // A context made without newCheckedContext still gets axe, the slow way.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource)
  return page.evaluate(
    ({ context, options }) => {
      if (!window.axe) throw new Error('axe is not on the page')
      return window.axe.run(context ?? document, options)
    },
    { context, options },
  )
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ')

type AxeNode = NodeResult

const nodeLine = (rule: string, node: AxeNode, detail: string) =>
  `axe ${rule} at ${node.target.join(' ')}: ${oneLine(detail)}`

/**
 * Text in a table that scrolls sideways in a region of its own may be out of view, where axe cannot
 * judge its contrast. As a person would, each such region is scrolled to its far end and axe asked
 * again about those nodes only; the regions are then scrolled back. Returns what axe still could
 * not decide, and what it now finds failing.
 */
async function contrastAfterScrolling(
  page: Page,
  nodes: AxeNode[],
): Promise<{ undecided: AxeNode[]; failing: AxeNode[] }> {
  const selectors = nodes.flatMap(({ target }) =>
    target.length === 1 && typeof target[0] === 'string' ? [target[0]] : [],
  )
  const scrollRegions = (selectors: string[], toEnd: boolean) =>
    page.evaluate(
      ({ selectors, toEnd }) => {
        let scrolled = 0
        for (const selector of selectors) {
          // Inline, not a named helper: tsx wraps named functions in a helper the page does not have.
          let region = document.querySelector(selector)?.parentElement
          while (
            region &&
            region !== document.body &&
            !(
              ['auto', 'scroll'].includes(getComputedStyle(region).overflowX) &&
              region.scrollWidth > region.clientWidth
            )
          )
            region = region.parentElement
          if (!region || region === document.body) continue
          const far = region.scrollWidth - region.clientWidth
          region.scrollLeft = toEnd ? (getComputedStyle(region).direction === 'rtl' ? -far : far) : 0
          scrolled += 1
        }
        return scrolled
      },
      { selectors, toEnd },
    )
  if (selectors.length < nodes.length || (await scrollRegions(selectors, true)) === 0)
    return { undecided: nodes, failing: [] }
  const again = await runAxe(
    page,
    { include: selectors.map((selector) => [selector]) },
    { runOnly: { type: 'rule', values: ['color-contrast'] } },
  )
  await scrollRegions(selectors, false)
  return {
    undecided: again.incomplete.flatMap((rule) => rule.nodes),
    failing: again.violations.flatMap((rule) => rule.nodes),
  }
}

async function axeProblems(page: Page): Promise<{ violations: number; problems: string[] }> {
  const results = await runAxe(page, null, { runOnly: { type: 'tag', values: wcagTags } })
  const problems: string[] = []
  for (const rule of results.violations)
    for (const node of rule.nodes)
      problems.push(nodeLine(`${rule.id} (${node.impact ?? 'n/a'})`, node, node.failureSummary ?? rule.help))
  // Contrast axe could not decide is treated as a failure: a person would still have to check it.
  const incomplete = results.incomplete
    .filter(({ id }) => id === 'color-contrast')
    .flatMap((rule) => rule.nodes)
  const { undecided, failing } =
    incomplete.length > 0 ? await contrastAfterScrolling(page, incomplete) : { undecided: [], failing: [] }
  for (const node of failing)
    problems.push(nodeLine('color-contrast (scrolled into view)', node, node.failureSummary ?? ''))
  for (const node of undecided)
    problems.push(
      nodeLine('color-contrast (incomplete)', node, node.any.map(({ message }) => message).join('; ')),
    )
  return { violations: results.violations.length + (failing.length > 0 ? 1 : 0), problems }
}

/** Easy-read pages promise text at 7:1 contrast or more: axe's enhanced contrast rule (WCAG AAA 1.4.6). */
async function easyReadContrastProblems(page: Page): Promise<string[]> {
  const easyRead = await page.locator('main.heard-easy-read').count()
  if (easyRead === 0) return []
  const results = await runAxe(
    page,
    { include: [['main']] },
    { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } },
  )
  return [...results.violations, ...results.incomplete].flatMap((rule) =>
    rule.nodes.map((node) => `easy read: ${rule.id} under 7:1 at ${node.target.join(' ')}`),
  )
}

async function languageProblems(page: Page, language: PageLanguage): Promise<string[]> {
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
  // One visit to the page for all of them: asking element by element costs a round trip each.
  const small = await page.evaluate((minimum) => {
    const found: { text: string; height: number }[] = []
    const selector = '.govuk-radios__label, .govuk-checkboxes__label, button, summary'
    for (const target of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = target.getBoundingClientRect()
      // Hidden (not rendered) targets cannot be tapped, so have no size to judge.
      if (box.width === 0 && box.height === 0) continue
      if (box.height < minimum) found.push({ text: target.innerText.trim().slice(0, 40), height: box.height })
    }
    return found
  }, minimumTarget)
  return small.map(
    ({ text, height }) => `target "${text}" is ${height.toFixed(1)}px tall, under ${minimumTarget}px`,
  )
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
  options: { language: PageLanguage; name: string; narrow?: boolean },
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
