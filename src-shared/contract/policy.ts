import { z } from 'zod'
import { channel } from './define'
import { CheckIdSchema } from '../domain/policy/facts'
import { ReasonSchema } from '../domain/policy/decide'
import { PolicyRefSchema, PolicySchema, VERDICTS } from '../domain/policy/schema'

/* The decision policy (issue #12): one document, read and replaced whole; every verdict names the policy that made it. */

export const DecisionSchema = z.object({
  verdict: z.enum(VERDICTS),
  /** Each reason with its sentence in the core's language (the renderer words them again in its own). */
  reasons: z.array(ReasonSchema.extend({ text: z.string() })),
  policy: PolicyRefSchema,
})
export type DecisionView = z.infer<typeof DecisionSchema>

export const PolicyStateSchema = z.object({ policy: PolicySchema, ref: PolicyRefSchema, defaults: PolicySchema })

export const policyChannels = {
  'policy:get': channel(z.strictObject({}), PolicyStateSchema),
  /** Saves an edited or imported policy; the version moves on when its rules changed. */
  'policy:set': channel(z.strictObject({ policy: PolicySchema }), PolicyStateSchema),
}

export { CheckIdSchema }
