/* Helpers every simulated provider shares (below the providers: none imports another). */

/** A persona's description in both languages of the UI. */
export interface PersonaText {
  'pt-BR': string
  en: string
}

/** Stable small hash of a digit string (FNV-1a). */
export function digitsHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}
