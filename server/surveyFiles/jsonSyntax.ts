/**
 * Where a JSON text first goes wrong. JSON.parse says only that it failed (Node 20 gives no position
 * for some mistakes), so this small scanner walks the grammar of RFC 8259 and stops at the first
 * character that cannot be there. It is used only after JSON.parse has refused the text.
 */
export interface SyntaxProblem {
  line: number
  column: number
}

const whitespace = new Set([' ', '\t', '\n', '\r'])

class Scanner {
  offset = 0
  constructor(private readonly text: string) {}

  private peek(): string | undefined {
    return this.text[this.offset]
  }

  private skipSpace(): void {
    while (whitespace.has(this.peek() ?? '')) this.offset += 1
  }

  /** Throws the offset of the first character that breaks the grammar. */
  private fail(): never {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- an offset, caught in firstSyntaxError
    throw this.offset
  }

  private expect(word: string): void {
    for (const character of word) {
      if (this.peek() !== character) this.fail()
      this.offset += 1
    }
  }

  private string(): void {
    this.expect('"')
    for (;;) {
      const character = this.peek()
      if (character === undefined || character < ' ') this.fail()
      this.offset += 1
      if (character === '"') return
      if (character !== '\\') continue
      const escaped = this.peek()
      if (escaped === 'u') {
        this.offset += 1
        for (let digit = 0; digit < 4; digit += 1) {
          if (!/[0-9a-fA-F]/.test(this.peek() ?? '')) this.fail()
          this.offset += 1
        }
      } else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) this.offset += 1
      else this.fail()
    }
  }

  private digits(): void {
    if (!/[0-9]/.test(this.peek() ?? '')) this.fail()
    while (/[0-9]/.test(this.peek() ?? '')) this.offset += 1
  }

  private number(): void {
    if (this.peek() === '-') this.offset += 1
    if (this.peek() === '0') this.offset += 1
    else this.digits()
    if (this.peek() === '.') {
      this.offset += 1
      this.digits()
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.offset += 1
      if (this.peek() === '+' || this.peek() === '-') this.offset += 1
      this.digits()
    }
  }

  private items(close: string, item: () => void): void {
    this.offset += 1
    this.skipSpace()
    if (this.peek() === close) {
      this.offset += 1
      return
    }
    for (;;) {
      item()
      this.skipSpace()
      if (this.peek() === close) {
        this.offset += 1
        return
      }
      this.expect(',')
    }
  }

  value(): void {
    this.skipSpace()
    const character = this.peek()
    if (character === '{')
      this.items('}', () => {
        this.skipSpace()
        this.string()
        this.skipSpace()
        this.expect(':')
        this.value()
      })
    else if (character === '[')
      this.items(']', () => {
        this.value()
      })
    else if (character === '"') this.string()
    else if (character === 't') this.expect('true')
    else if (character === 'f') this.expect('false')
    else if (character === 'n') this.expect('null')
    else if (character === '-' || /[0-9]/.test(character ?? '')) this.number()
    else this.fail()
  }

  document(): void {
    this.value()
    this.skipSpace()
    if (this.offset < this.text.length) this.fail()
  }
}

/** Line and column (from 1, counting UTF-16 units as editors mostly do) of an offset into the text. */
export function lineAndColumn(text: string, offset: number): SyntaxProblem {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

/** The first syntax error of a text JSON.parse refused; undefined when the scanner finds none. */
export function firstSyntaxError(text: string): SyntaxProblem | undefined {
  const scanner = new Scanner(text)
  try {
    scanner.document()
    return undefined
  } catch (offset) {
    if (typeof offset !== 'number') throw offset
    return lineAndColumn(text, offset)
  }
}
