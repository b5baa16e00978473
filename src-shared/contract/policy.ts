import { z } from 'zod'
import { channel } from './define'
import { CheckIdSchema } from '../domain/policy/facts'
import { ReasonSchema } from '../domain/policy/decide'
import { ActReasonSchema, PolicyRefSchema, PolicySchema, VERDICTS } from '../domain/policy/schema'

/* The decision policy (issue #12): one document, read and replaced whole; every verdict names the policy that made it. */

export const DecisionSchema = z.object({
  verdict: z.enum(VERDICTS),
  /** Each reason with its sentence in the core's language (the renderer words them again in its own). */
  reasons: z.array(ReasonSchema.extend({ text: z.string() })),
  policy: PolicyRefSchema,
})
export type DecisionView = z.infer<typeof DecisionSchema>

export const PolicyStateSchema = z.object({ policy: PolicySchema, ref: PolicyRefSchema, defaults: PolicySchema })

const ChangeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()])

/** One line of the policy log (issue #22): who changed the policy in force, or adopted one for a batch, and why. */
export const PolicyLogEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  who: z.string(),
  reason: z.string(),
  kind: z.enum(['in_force', 'job']),
  jobId: z.number().nullable(),
  name: z.string(),
  ref: PolicyRefSchema,
  previous: PolicyRefSchema.nullable(),
  /** Field by field, as data: each surface words them in its reader's language (domain/policy/diff). */
  changes: z.array(z.object({ field: z.string(), before: ChangeValueSchema, after: ChangeValueSchema })),
})
export type PolicyLogEntryView = z.infer<typeof PolicyLogEntrySchema>

export const policyChannels = {
  'policy:get': channel(z.strictObject({}), PolicyStateSchema),
  /**
   * Makes a policy the one in force; the version moves on when its rules changed. A reason is required: the change is
   * logged with who and when (issue #22). Finished batches keep the verdicts they were decided with.
   */
  'policy:set': channel(z.strictObject({ policy: PolicySchema, reason: ActReasonSchema }), PolicyStateSchema),
  'policy:log': channel(
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
    z.array(PolicyLogEntrySchema),
  ),
}

export { CheckIdSchema }
