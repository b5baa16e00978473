import { describe, expect, it } from 'vitest'
import { seedText } from '../helpers/seeds'
import { parseMseResponse } from '../../src-main/providers/mse/schemas'
import { normaliseMode } from '../../src-shared/domain/mse-services'

/*
 * Every `mse-response` example of seed 003, read from the seed itself (shared/ sits beside the repository, as in
 * CI), so the parser is held to the document rather than to a copy of it.
 */
function seedExamples(): string[] {
  const text = seedText('003_')
  const examples: string[] = []
  let from = 0
  for (;;) {
    const start = text.indexOf('<mse-response>', from)
    if (start < 0) break
    const end = text.indexOf('</mse-response>', start)
    if (end < 0) break
    // Some examples are split across the document's pages (code fences): join the pieces. One page break
    // (the IMEI_TRANSLATOR example) also repeats `</parameters>` before the rest of the list: a layout
    // artifact of the PDF, removed here so the example is the document the seed shows, not a parser quirk.
    const pieces = text.slice(start, end + '</mse-response>'.length).split(/\n\s*```\s*\n(?:\s*```\s*\n)?/)
    const body = pieces.reduce((joined, piece) => {
      const next = piece.trim()
      return next.startsWith('<param-item>')
        ? `${joined.replace(/<\/parameters>\s*$/, '')}\n${next}`
        : `${joined}\n${next}`
    }, '')
    examples.push(body)
    from = end
  }
  return examples
}

describe('MSE response parser against seed 003', () => {
  const examples = seedExamples()

  it('finds the seed examples', () => expect(examples.length).toBeGreaterThanOrEqual(25))

  it.each(examples.map((xml, i) => [i, xml]))('parses example %i', (_i, xml) => {
    const result = parseMseResponse(`<?xml version="1.0" encoding="UTF-8" ?>\n${xml}`)
    expect(result.ok, result.ok ? '' : result.reason).toBe(true)
    if (!result.ok) return
    expect(Number.isInteger(result.response.statusCode)).toBe(true)
    expect(result.response.profile.length).toBeGreaterThan(0)
    if (result.response.statusCode !== 0) expect(result.response.errorMessage ?? '').not.toBe('')
  })

  it('reads the SMS receipt (§6.4.1.1) into its parameters', () => {
    const receipt = examples.find((x) => x.includes('SMPP_MESSAGE_STATUS') && x.includes('1020606201622668099'))
    const result = parseMseResponse(receipt ?? '')
    expect(result).toMatchObject({
      ok: true,
      response: {
        statusCode: 0,
        profile: 'profileID',
        transactionId: '1020606201622668099',
        parameters: { SMPP_MESSAGE_STATUS: 'DELIVRD', INITIALDATE: '0608151207', BNUM: '1191000000', MSGSTATUS: '2' },
      },
    })
  })

  it('reads the ">>false" of the EAI_CHECK_CREDIT example as false and reports it', () => {
    const eai = examples.find((x) => x.includes('IS_PREPAID'))
    const result = parseMseResponse(eai ?? '')
    expect(result).toMatchObject({
      ok: true,
      response: { parameters: { IS_PREPAID: 'false', HAS_CREDIT: 'true', TECNOLOGY: 'GSM' } },
    })
    expect(result.ok && result.response.warnings[0]).toContain('IS_PREPAID')
  })
})

describe('MSE response parser on a malformed corpus', () => {
  it.each([
    ['empty', ''],
    ['plain text', 'Service Unavailable'],
    ['an HTML error page', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['truncated', '<?xml version="1.0"?><mse-response><status-code>0</status-code><profile>p</prof'],
    ['mismatched tags', '<mse-response><status-code>0</profile><profile>p</status-code></mse-response>'],
    ['two roots', '<mse-response><profile>p</profile></mse-response><mse-response><profile>q</profile></mse-response>'],
    ['no profile', '<mse-response><status-code>0</status-code></mse-response>'],
    // seed 003 §6.5.2: "sempre presente" — never read as a success.
    ['no status code', '<mse-response><profile>p</profile><transaction-id>1</transaction-id></mse-response>'],
    ['a non-numeric status', '<mse-response><status-code>OK</status-code><profile>p</profile></mse-response>'],
    ['an unescaped ampersand', '<mse-response><status-code>0</status-code><profile>a & b</profile></mse-response>'],
  ])('refuses %s with a reason and keeps the raw text', (_name, xml) => {
    const result = parseMseResponse(xml)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.reason.length).toBeGreaterThan(5)
      expect(result.raw).toBe(xml)
    }
  })

  it('accepts a BOM, entities, an empty <parameters/> and keeps values as text (leading zeros)', () => {
    const result = parseMseResponse(
      '\uFEFF<mse-response><status-code>12</status-code><profile>P&amp;1</profile><transaction-id>0042</transaction-id><error-message>Parâmetro obrigatório ausente: TEXT</error-message><parameters/></mse-response>',
    )
    expect(result).toEqual({
      ok: true,
      response: {
        statusCode: 12,
        profile: 'P&1',
        transactionId: '0042',
        errorMessage: 'Parâmetro obrigatório ausente: TEXT',
        parameters: {},
        warnings: [],
      },
    })
  })
})

describe('MSE modes', () => {
  it('accepts both seed spellings and sends async-*', () => {
    expect(normaliseMode('assync-delivery')).toBe('async-delivery')
    expect(normaliseMode('ASYNC-ONEWAY')).toBe('async-oneway')
    expect(normaliseMode('sync')).toBe('sync')
    expect(normaliseMode('batch')).toBeNull()
  })
})
