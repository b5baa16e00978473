import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { HttpClient, MAX_ANSWER_BYTES } from '../../src-main/infra/http/client'
import { checkAppUrl } from '../../src-main/services/mse/ussd'
import { usageText, type UsageError, parseEndpoint } from '../../src-main/cli/options'
import { forbiddenHost } from '../../src-shared/domain/net'
import { SettingsPatchSchema } from '../../src-shared/domain/settings'
import { createTranslator } from '../../src-shared/i18n'

/* Issue #14, smaller edges: provider answers read with a byte cap; provider URLs never link-local or cloud metadata. */

async function serve(write: (res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => write(res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('provider answers are read with a byte cap', () => {
  it('stops at the declared length, and at the bytes actually sent when none is declared', async () => {
    const http = new HttpClient(5000)
    const declared = await serve((res) => {
      res.writeHead(200, { 'Content-Length': String(MAX_ANSWER_BYTES + 1) })
      res.write('x')
    })
    const streamed = await serve((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = Buffer.alloc(1024 * 1024, 0x20)
      let sent = 0
      const pump = (): void => {
        while (sent < 20 && res.write(chunk)) sent++
        if (sent < 20) res.once('drain', pump)
        else res.end()
      }
      pump()
    })
    try {
      await expect(http.send('Teste', { method: 'GET', url: declared.url, headers: {} })).rejects.toMatchObject({
        code: 'provider_answer_too_large',
      })
      await expect(http.send('Teste', { method: 'GET', url: streamed.url, headers: {} })).rejects.toMatchObject({
        code: 'provider_answer_too_large',
      })
    } finally {
      await declared.close()
      await streamed.close()
      await http.close()
    }
  })
})

describe('provider URLs never point at link-local networks or cloud metadata', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data',
    'http://metadata.google.internal/computeMetadata/v1',
    'http://[fe80::1]/',
    'http://100.100.100.200/',
  ])('%s is refused', (url) => {
    expect(forbiddenHost(url)).toBe(true)
    expect(() => checkAppUrl(url)).toThrow(expect.objectContaining({ code: 'ussd.app_url' }))
    expect(() => parseEndpoint(`claro=${url}`)).toThrow(expect.objectContaining({ key: 'cli.usage.endpointForbidden' }))
    const refusal = (() => {
      try {
        parseEndpoint(`claro=${url}`)
        return null
      } catch (error) {
        return error as UsageError
      }
    })()
    expect(refusal && usageText(refusal, createTranslator('pt-BR'))).toContain('link-local')
    expect(SettingsPatchSchema.safeParse({ customEndpoints: { claro: url } }).success).toBe(false)
  })

  it('ordinary hosts pass', () => {
    for (const url of [
      'https://api.claro.com.br',
      'http://127.0.0.1:8080/app',
      'https://homologacao.clearsale.com.br/api',
    ]) {
      expect(forbiddenHost(url)).toBe(false)
      expect(SettingsPatchSchema.safeParse({ customEndpoints: { claro: url } }).success).toBe(true)
    }
  })
})
