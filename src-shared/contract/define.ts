import type { z } from 'zod'

/** One channel: what the renderer may send and what the core promises to answer. */
export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req
  readonly response: Res
}

export function channel<Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
): ChannelDef<Req, Res> {
  return { request, response }
}
