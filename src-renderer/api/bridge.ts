import type { Bridge } from '../../src-shared/contract'
import { createWebBridge } from './web-bridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host, which is reached over HTTP instead. */
    readonly sentinela?: Bridge
  }
}

/** The single place that knows there are two hosts. Everything above src-renderer/api sees one Bridge. */
export const bridge: Bridge = window.sentinela ?? createWebBridge()
