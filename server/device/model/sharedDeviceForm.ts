/** How long a shared device waits before it warns, and how long it then waits before it clears. */
export const idleMinutes = { default: 3, min: 1, max: 30 } as const

/** Long enough to read the warning and press the button (WCAG 2.2.1 asks for at least 20 seconds). */
export const warningSeconds = 60
