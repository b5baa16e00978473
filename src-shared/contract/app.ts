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
  /** Who signs acts of record here (Configurações' name, else the OS user) — issue #22. */
  analyst: z.string().default(''),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

/** Channels that describe the running instance. */
export const appChannels = {
  'app:info': channel(z.strictObject({}), AppInfoSchema),
  'app:dismiss-notice': channel(z.strictObject({ code: z.string().max(100) }), z.strictObject({})),
  /**
   * A printable document (a dossier, issue #22) saved as PDF where the analyst chooses — the desktop app's
   * printToPDF; the browser host has no such thing (the page prints itself through the browser's dialog).
   */
  'app:save-pdf': channel(
    z.strictObject({
      html: z.string().max(900_000),
      name: z
        .string()
        .regex(/^[\w.\- ]{1,80}\.pdf$/)
        .max(84),
    }),
    z.union([z.object({ saved: z.literal(true), path: z.string() }), z.object({ saved: z.literal(false) })]),
  ),
}

export const appEvents = {
  'app:notice': NoticeSchema,
}
