import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import type { ErasureView, PrivacyReportView } from '../../../src-shared/contract/privacy'
import type { SubjectKind } from '../../../src-shared/domain/privacy'
import { appErrorOf, call } from '../../api/client'

export interface PrivacyAudit {
  at: string
  kind: SubjectKind
  removed: Record<string, number>
}

export interface PrivacyState {
  busy: boolean
  error: AppError | null
  /** The last report, with the identifier it was asked for (as the analyst typed it). */
  report: (PrivacyReportView & { who: string; kind: SubjectKind }) | null
  erased: (ErasureView & { who: string }) | null
  audit: PrivacyAudit[]
}

export interface PrivacyActions {
  ask(kind: SubjectKind, value: string): Promise<void>
  /** Erases the report's person, and in the same act the identifiers seen with them that the analyst ticked. */
  erase(also?: { kind: SubjectKind; value: string }[]): Promise<void>
  loadAudit(): Promise<void>
}

/** LGPD data-subject requests (privacy:report / privacy:erase / privacy:audit). Erasure acts on the last report's person. */
export const usePrivacyStore = create<PrivacyState & PrivacyActions>()((set, get) => ({
  busy: false,
  error: null,
  report: null,
  erased: null,
  audit: [],
  async ask(kind, value) {
    set({ busy: true, error: null, erased: null })
    try {
      const report = await call('privacy:report', { kind, value })
      set({ busy: false, report: { ...report, who: value.trim(), kind } })
    } catch (error) {
      set({ busy: false, report: null, error: appErrorOf(error) })
    }
  },
  async erase(also = []) {
    const report = get().report
    if (!report) return
    set({ busy: true, error: null })
    try {
      const erased = await call('privacy:erase', { kind: report.kind, value: report.who, confirm: true, also })
      set({ busy: false, report: null, erased: { ...erased, who: report.who } })
      await get().loadAudit()
    } catch (error) {
      set({ busy: false, error: appErrorOf(error) })
    }
  },
  async loadAudit() {
    try {
      set({ audit: (await call('privacy:audit', {})).lines })
    } catch (error) {
      set({ error: appErrorOf(error) })
    }
  },
}))
