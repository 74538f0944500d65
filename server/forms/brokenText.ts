/**
 * Text no form of ours accepts: control characters other than tab, line feed and carriage return
 * (NUL among them, which PostgreSQL refuses in text), and halves of surrogate pairs, which cannot be
 * written as UTF-8 at all.
 */
// With the u flag a whole surrogate pair is one character, so the range matches only a lone half.
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF]/u

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

export function hasForbiddenCharacters(text: string): boolean {
  return forbiddenCharacters.test(text)
}

const percent = 0x25
const hexValue = (byte: number | undefined): number => {
  if (byte === undefined) return -1
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  const lower = byte | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1
}

/**
 * Whether URL-encoded bytes (a form body, a query string) are UTF-8 once their %XX escapes are
 * decoded. The usual decoders quietly turn a broken sequence (%FF, %C3 on its own, %ED%A0%80 for half
 * a surrogate pair) into U+FFFD; here it is caught before that, so a genuine U+FFFD stays allowed.
 * A % not followed by two hex digits is left as it is, as the decoders do.
 */
export function isUtf8OnceDecoded(encoded: Uint8Array): boolean {
  const decoded = new Uint8Array(encoded.length)
  let length = 0
  for (let index = 0; index < encoded.length; index += 1) {
    const byte = encoded[index] ?? 0
    const high = byte === percent ? hexValue(encoded[index + 1]) : -1
    const low = byte === percent ? hexValue(encoded[index + 2]) : -1
    if (high >= 0 && low >= 0) {
      decoded[length] = high * 16 + low
      index += 2
    } else decoded[length] = byte
    length += 1
  }
  try {
    strictUtf8.decode(decoded.subarray(0, length))
    return true
  } catch {
    return false
  }
}

/** Every string in a parsed form or query (values and names, in lists too) is free of forbidden characters. */
export function isCleanFormData(data: unknown): boolean {
  if (typeof data === 'string') return !hasForbiddenCharacters(data)
  if (Array.isArray(data)) return data.every(isCleanFormData)
  if (typeof data === 'object' && data !== null)
    return Object.entries(data).every(
      ([name, value]) => !hasForbiddenCharacters(name) && isCleanFormData(value),
    )
  return true
}
