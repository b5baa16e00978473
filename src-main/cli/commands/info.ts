import type { CliIO } from '../io'
import type { GlobalOptions } from '../options'
import { withCore } from '../core'
import { invokeOrThrow } from '../invoke'

export async function runInfo(globals: GlobalOptions, io: CliIO): Promise<void> {
  await withCore(globals, async (core) => {
    const info = await invokeOrThrow(core, 'app:info', {})
    if (globals.json) return io.stdout(JSON.stringify(info) + '\n')
    const t = core.context.translate()
    io.stdout(
      [
        `${info.name} ${info.version}`,
        `${t('status.environment')}: ${t(`environment.${info.environment}`)}`,
        `${t('status.dataDir')}: ${info.dataDir}`,
        `${t('status.platform')}: ${info.platform} (Node ${info.nodeVersion})`,
        ...info.notices.map((n) => `! ${n.message}`),
      ].join('\n') + '\n',
    )
  })
}
