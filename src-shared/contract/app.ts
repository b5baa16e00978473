import { z } from 'zod'
import { channel } from './define'
import { EnvironmentSchema, HostKindSchema } from '../domain/environment'

export const NoticeSchema = z.object({
  code: z.string().max(100),
  message: z.string().max(4000),
  at: z.string().max(40),
})
export type Notice = z.infer<typeof NoticeSchema>

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  environment: EnvironmentSchema,
  host: HostKindSchema,
  dataDir: z.string(),
  platform: z.string(),
  nodeVersion: z.string(),
  startedAt: z.string(),
  notices: z.array(NoticeSchema),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

/** Channels that describe the running instance. */
export const appChannels = {
  'app:info': channel(z.strictObject({}), AppInfoSchema),
  'app:dismiss-notice': channel(z.strictObject({ code: z.string().max(100) }), z.strictObject({})),
}

export const appEvents = {
  'app:notice': NoticeSchema,
}
