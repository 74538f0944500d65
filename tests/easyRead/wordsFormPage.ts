import type { Agent } from '../helpers/officers'
import { csrfTokenIn } from '../helpers/respondent'

const unescaped = (text: string) =>
  text
    .replace(/&#39;/g, "'")
    .replace(/&#34;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Every box of the words form as the page shows it, as a browser would post it unchanged. */
export function wordsIn(html: string): Record<string, string> {
  const inputs = [...html.matchAll(/<input class="govuk-input[^"]*" id="([^"]+)"[^>]*value="([^"]*)"/g)]
  const textareas = [
    ...html.matchAll(/<textarea class="govuk-textarea[^"]*" id="([^"]+)"[^>]*>([^<]*)<\/textarea>/g),
  ]
  return Object.fromEntries(
    [...inputs, ...textareas].map((match) => [match[1] ?? '', unescaped(match[2] ?? '')]),
  )
}

/** Opens the words page, changes some boxes, and posts the whole form with the page's CSRF token. */
export async function postWords(agent: Agent, page: string, changes: Record<string, string>) {
  const form = await agent.get(page)
  return agent
    .post(page)
    .type('form')
    .send({ ...wordsIn(form.text), ...changes, _csrf: csrfTokenIn(form.text) })
}

/** A sentence of exactly `count` words. */
export const sentenceOf = (count: number): string =>
  `${['When', 'you', 'come', 'to', 'the', 'centre', 'please', 'bring', 'a', 'friend', 'or', 'someone', 'from', 'your', 'family', 'who', 'can', 'help', 'you', 'read', 'and', 'answer', 'the', 'questions', 'with', 'you', 'today', 'if', 'you', 'like'].slice(0, count).join(' ')}.`
