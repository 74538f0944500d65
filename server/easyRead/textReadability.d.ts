/** The part of text-readability 1.0.5 (CommonJS, no types of its own) that the easy-read checks use. */
declare module 'text-readability' {
  interface Readability {
    /** The Flesch–Kincaid grade level of English text, rounded to one decimal place. */
    fleschKincaidGrade(text: string): number
  }
  const readability: Readability
  export = readability
}
