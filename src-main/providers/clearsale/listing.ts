/** Search listings spell `id`/`Result`/`SmsVerification`/`TokenSms`; single reads `ID`/`Results`/…: one shape for the UI. */
export function normaliseListed(record: Record<string, unknown>): Record<string, unknown> {
  const { id, Result, ...rest } = record as { id?: unknown; Result?: Record<string, unknown> } & Record<string, unknown>
  const out: Record<string, unknown> = { ...rest }
  if (id !== undefined) out['ID'] = id
  if (Result) {
    const validation = (Result['Validation'] ?? null) as Record<string, unknown> | null
    out['Results'] = {
      ...Result,
      ...(validation
        ? {
            Validation: {
              SMSVerification: validation['SmsVerification'] ?? validation['SMSVerification'] ?? null,
              EmailVerification: validation['EmailVerification'] ?? null,
              TokenSMS: validation['TokenSms'] ?? validation['TokenSMS'] ?? null,
              TokenEmail: validation['TokenEmail'] ?? null,
            },
          }
        : {}),
    }
  }
  return out
}
