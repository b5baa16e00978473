import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { CSP_DIRECTIVES } from './src-main/security/csp'

/** The same policy as the hosts' CSP header, also as a <meta> (which cannot carry frame-ancestors). */
const metaCsp = Object.entries(CSP_DIRECTIVES)
  .filter(([directive]) => directive !== 'frame-ancestors')
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ')

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The shell and the CLI share the core; the CLI entry never imports electron.
        input: { index: resolve('src-main/index.ts'), cli: resolve('src-main/cli/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // Sandboxed preloads must be CommonJS (they cannot be ES modules).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [
      react(),
      {
        name: 'sentinela-csp-meta',
        transformIndexHtml: () => [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: metaCsp },
            injectTo: 'head-prepend',
          },
        ],
      },
    ],
    build: {
      outDir: resolve('out/renderer'),
      // Fonts/images stay files: the CSP allows data: only for images.
      assetsInlineLimit: 0,
      // electron-vite leaves the renderer unminified by default: 2.7 MB of JavaScript before the first paint.
      minify: true,
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
})
