import { DEFAULT_POLICY, type Policy } from '../../../src-shared/domain/policy'
import { useAppStore } from '../../stores/app/store'

/** The policy in force (from settings, kept current by settings:changed). */
export function usePolicy(): Policy {
  return useAppStore((s) => s.settings?.policy ?? DEFAULT_POLICY)
}
