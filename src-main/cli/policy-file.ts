import { readFile } from 'node:fs/promises'
import { readPolicy, type Policy } from '../../src-shared/domain/policy'
import type { Translate } from '../../src-shared/i18n'
import { CliFailure } from './invoke'

/** `--policy FILE` / `policy check FILE`: the file's policy, or every problem in words (exit 2). */
export async function loadPolicyFile(path: string, t: Translate): Promise<Policy> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new CliFailure(
      'policy_unreadable',
      t('errors.policy_unreadable', {
        path,
        reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
      }),
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new CliFailure('policy_unreadable', t('errors.policy_unreadable', { path, reason: (error as Error).message }))
  }
  const read = readPolicy(json, t)
  if (!read.ok)
    throw new CliFailure('policy_invalid', t('errors.policy_invalid', { summary: read.problems.join('; ') }))
  return read.policy
}
