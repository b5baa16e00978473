import { createCore } from '../../core'
import type { CliIO } from '../program'
import type { GlobalOptions } from '../options'
import { invokeOrThrow } from '../invoke'

export async function runInfo(globals: GlobalOptions, io: CliIO): Promise<void> {
  const core = await createCore({ dataDir: globals.dataDir, host: 'cli', environment: globals.env, endpoints: globals.endpoints })
  try {
    const info = await invokeOrThrow(core, 'app:info', {})
    if (globals.json) {
      io.stdout(JSON.stringify(info) + '\n')
      return
    }
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
  } finally {
    await core.close()
  }
}
