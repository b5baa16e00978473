import { z } from 'zod'

/** DESIGN.md "Environments": sandbox is the default and needs no credentials. */
export const ENVIRONMENTS = ['sandbox', 'homologacao', 'producao', 'custom'] as const
export const EnvironmentSchema = z.enum(ENVIRONMENTS)
export type Environment = z.infer<typeof EnvironmentSchema>

export const PROVIDERS = ['claro', 'clearsale', 'mse'] as const
export const ProviderSchema = z.enum(PROVIDERS)
export type Provider = z.infer<typeof ProviderSchema>

const HOST_KINDS = ['electron', 'browser', 'cli'] as const
export const HostKindSchema = z.enum(HOST_KINDS)
export type HostKind = z.infer<typeof HostKindSchema>
