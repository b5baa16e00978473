/* Issue #23: a person, not a string. */
export const PRIVACY_MIGRATIONS: readonly string[] = [
  // Every identifier a history row's answer carries (a Data Trust answer's phone and e-mail beside its CPF), as keyed
  // hashes separated by spaces — the main one stays in `subject`, which cases read. Older rows keep NULL: only their
  // main identifier was masked, the others are found in their text.
  `ALTER TABLE history ADD COLUMN subjects TEXT;`,
]
