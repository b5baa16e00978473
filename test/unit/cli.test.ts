import { describe, expect, it, afterEach, beforeEach } from 'vitest'
import { runCli } from '../../src-main/cli/program'
import { parseEndpoint, resolveGlobalOptions } from '../../src-main/cli/options'
import { defaultDataDir, dataDirFromArgs } from '../../src-main/infra/datadir'
import { tempDir } from '../helpers/tmp'

async function run(argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) })
  return { code, stdout, stderr }
}

describe('sentinela CLI', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => (dir = tempDir()))
  afterEach(() => dir.cleanup())

  it('prints help listing the global options and serve, exit 0', async () => {
    const { code, stdout } = await run(['--help'])
    expect(code).toBe(0)
    for (const text of ['--data-dir', '--env', '--endpoint', '--json', 'serve']) expect(stdout).toContain(text)
  })

  it('prints the version, exit 0', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) })
  })

  it('answers info --json with the environment and data dir', async () => {
    const { code, stdout } = await run(['--data-dir', dir.path, '--env', 'homologacao', '--json', 'info'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({
      name: 'Sentinela',
      environment: 'homologacao',
      host: 'cli',
      dataDir: dir.path,
    })
  })

  it('answers info in Portuguese by default', async () => {
    const { stdout } = await run(['--data-dir', dir.path, 'info'])
    expect(stdout).toContain('Ambiente: Sandbox (simulado)')
  })

  it.each([
    [['--env', 'prod', 'info']],
    [['--endpoint', 'claro', 'info']],
    [['--endpoint', 'vivo=https://x', 'info']],
    [['--endpoint', 'claro=ftp://x', 'info']],
    [['--endpoint', 'claro=not a url', 'info']],
    [['serve', '--port', 'abc']],
    [['serve', '--port', '70000']],
    [['no-such-command']],
    [['--no-such-option']],
  ])('exits 2 with a message for usage errors: %j', async (argv) => {
    const { code, stderr } = await run(['--data-dir', dir.path, ...argv])
    expect(code).toBe(2)
    expect(stderr.length).toBeGreaterThan(0)
  })

  it('parses --endpoint PROVIDER=URL and drops a trailing slash', () => {
    expect(parseEndpoint('mse=http://127.0.0.1:9000/MSE/')).toEqual(['mse', 'http://127.0.0.1:9000/MSE'])
    expect(resolveGlobalOptions({ endpoint: ['claro=https://a', 'clearsale=https://b'] }).endpoints).toEqual({
      claro: 'https://a',
      clearsale: 'https://b',
    })
  })

  it('defaults the data dir to the desktop app user-data folder', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/Sentinela')
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.Sentinela$/)
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Sentinela$/)
    expect(resolveGlobalOptions({}).dataDir).toBe(defaultDataDir())
  })

  it('lets the desktop app take its data dir from an argument or SENTINELA_DATA_DIR', () => {
    expect(dataDirFromArgs(['electron', '.', '--data-dir=/d1'], {})).toBe('/d1')
    expect(dataDirFromArgs(['electron', '.', '--data-dir', '/d2'], {})).toBe('/d2')
    expect(dataDirFromArgs(['electron', '.'], { SENTINELA_DATA_DIR: '/d3' })).toBe('/d3')
    expect(dataDirFromArgs(['electron', '.'], {})).toBeNull()
  })
})
