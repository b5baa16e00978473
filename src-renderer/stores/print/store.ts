import { create } from 'zustand'
import type { AppError } from '../../../src-shared/contract'
import { dossierBody, dossierHtml, type Dossier } from '../../../src-shared/domain/dossier'
import { appErrorOf, call } from '../../api/client'
import { useAppStore } from '../app/store'

export interface PrintState {
  /** The document's body while the browser's print dialog is up (the page shows only it in print). */
  body: string | null
  /** Where the desktop app saved the PDF, said once. */
  savedPath: string | null
  error: AppError | null
}

export interface PrintActions {
  /**
   * A dossier (issue #22 item 8): the desktop app saves it as PDF (Electron's printToPDF, where the analyst chooses);
   * the browser host prints the page, which shows only the document in print, through the browser's own dialog.
   */
  print(doc: Dossier, fileName: string): Promise<void>
  /** The print dialog closed. */
  done(): void
}

export const usePrintStore = create<PrintState & PrintActions>()((set) => ({
  body: null,
  savedPath: null,
  error: null,
  async print(doc, fileName) {
    set({ error: null, savedPath: null })
    if (useAppStore.getState().info?.host === 'electron') {
      try {
        const saved = await call('app:save-pdf', { html: dossierHtml(doc), name: fileName })
        if (saved.saved) set({ savedPath: saved.path })
      } catch (error) {
        set({ error: appErrorOf(error) })
      }
      return
    }
    set({ body: dossierBody(doc) })
  },
  done: () => set({ body: null }),
}))
