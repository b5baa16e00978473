import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// electron-builder's own validator, against its own JSON schema (app-builder-lib/scheme.json).
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import type { Configuration } from 'app-builder-lib'
import { DebugLogger } from 'builder-util'

const root = join(import.meta.dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Configuration

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('is refused by that validation when wrong, so the check above can fail', async () => {
    await expect(
      validateConfiguration(
        { ...config, linux: { ...config.linux, notAnOption: true } } as unknown as Configuration,
        new DebugLogger(false),
      ),
    ).rejects.toThrow()
  })

  it('names the app and targets AppImage + deb, NSIS and dmg', () => {
    expect(config.appId).toBe('br.com.sentinela.workstation')
    expect(config.productName).toBe('Sentinela')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
    expect(config.win?.target).toEqual(['nsis'])
    expect(config.mac?.target).toEqual(['dmg'])
  })

  it('rebuilds native modules for Electron at packaging time and keeps them outside the asar', () => {
    expect(config.npmRebuild).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
  })

  it('ships the icon and entitlements it points to', () => {
    const png = readFileSync(join(root, 'build/icon.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512) // width: electron-builder needs ≥ 512 for every target
    expect(readFileSync(join(root, 'build/entitlements.mac.plist'), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    )
  })
})
