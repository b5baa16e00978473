import { z } from 'zod'
import { channel } from './define'
import { EnvironmentSchema } from '../domain/environment'
import { CredentialNameSchema, CredentialSummarySchema, valueSchemaFor } from '../domain/credentials'

/** The value is checked against its provider's shape here, at the boundary, before any handler runs. */
const CredentialSetRequestSchema = z
  .strictObject({
    name: CredentialNameSchema,
    environment: EnvironmentSchema.optional(),
    value: z.record(z.string().max(64), z.unknown()),
  })
  .superRefine((request, ctx) => {
    const checked = valueSchemaFor(request.name).safeParse(request.value)
    if (!checked.success)
      for (const issue of checked.error.issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as never)
  })

export const CredentialListSchema = z.object({
  environment: EnvironmentSchema,
  items: z.array(CredentialSummarySchema),
})

export const credentialsChannels = {
  /** Names, hints and dates only: no channel ever returns a secret value. */
  'credentials:list': channel(z.strictObject({ environment: EnvironmentSchema.optional() }), CredentialListSchema),
  'credentials:set': channel(CredentialSetRequestSchema, CredentialSummarySchema),
  'credentials:delete': channel(
    z.strictObject({ name: CredentialNameSchema, environment: EnvironmentSchema.optional() }),
    z.object({ deleted: z.boolean() }),
  ),
}

export const credentialsEvents = {
  'credentials:changed': z.object({ environment: EnvironmentSchema }),
}
