import { describe, expect, it } from 'vitest'
import { subjectPattern, subjectsIn, sureSubjectsIn, type Subject } from '../../src-shared/domain/privacy'

/* Issue #23, "a person, not a string": a phone is found in every form it is stored in, split ones included. */

const ana: Subject = { kind: 'phone', value: '5511987654321' }
const cpf: Subject = { kind: 'cpf', value: '52998224725' }
const email: Subject = { kind: 'email', value: 'ana@example.com' }

describe('a phone in every stored form', () => {
  const p = subjectPattern(ana)
  /** Each text beside whether the pattern finds the phone in it (so a failure names the text). */
  const found = (texts: string[], expected: boolean): void =>
    expect(texts.map((text) => [text, p.test(text)])).toEqual(texts.map((text) => [text, expected]))

  it('finds the area code and number Data Trust keeps as two fields (seed 004, Transação), however nested', () => {
    found(
      [
        '{"AreaCode":"11","Phone":"987654321"}',
        '{"Document":"529.***.***-25","AreaCode":"11","Phone":"987654321","Email":"x@y.z"}',
        // a raw answer in the history: the body is JSON kept inside JSON
        String.raw`"body":"{\"ID\":\"DT1\",\"AreaCode\":\"11\",\"Phone\":\"987654321\"}"`,
        // and once more inside a JSON export of it
        String.raw`\\\"AreaCode\\\":\\\"11\\\",\\\"Phone\\\":\\\"987654321\\\"`,
        '{"CountryCode":"55","AreaCode":"11","Phone":"987654321"}',
        '{"AreaCode": "11", "VerifiedPhone": false, "Phone": "987654321"}',
        '{"ddd": 11, "numero_celular": "98765-4321"}',
        'Ana;11;987654321;ana@example.com',
        '"Ana";"11";"98765-4321"',
      ],
      true,
    )
  })

  it('finds it with or without 55 and with any typed separators', () => {
    found(
      [
        '55 11 98765 4321',
        '+55 (11) 9 8765-4321',
        '(11)98765 - 4321',
        '11.98765.4321',
        '11/98765-4321',
        '0055 11 987654321',
        '0 21 11 98765-4321',
        'BNUM=%2B55%2011%2098765-4321',
        'tel=%2011987654321',
        '"msisdn": "5511987654321"',
      ],
      true,
    )
  })

  it('never finds another DDD, a longer or different number, a masked one or digits glued to others', () => {
    found(
      [
        '{"AreaCode":"21","Phone":"987654321"}',
        '{"AreaCode":"11","Phone":"9876543210"}',
        '{"AreaCode":"11","Phone":"987654320"}',
        '{"AreaCode":"111","Phone":"987654321"}',
        '(11) 9****-4321',
        '5521987654321',
        '2111987654321',
      ],
      false,
    )
  })

  it('stays linear: megabytes of near misses take well under 1.5 s (a backtracking pattern takes minutes)', () => {
    const nearMisses = [
      `11${'","Field":"'.repeat(3)}abc `,
      `1 1 9 8 7 6 5 4 3 2 ${'a'.repeat(31)} `,
      `11 ${'palavra - '.repeat(6)}`,
      '11 98765 432 ',
    ]
    for (const unit of nearMisses) {
      const text = unit.repeat(Math.ceil(2_000_000 / unit.length))
      const started = performance.now()
      expect(p.test(text)).toBe(false)
      expect([unit, performance.now() - started < 1500]).toEqual([unit, true])
    }
  })
})

describe('the people a stored answer names', () => {
  it('reads a phone split in AreaCode + Phone, also inside a raw answer whose body is a JSON string', () => {
    const request = { Document: '52998224725', DocumentType: 'CPF', AreaCode: '11', Phone: '987654321', Type: 1 }
    expect(subjectsIn(request)).toEqual(expect.arrayContaining([cpf, ana]))
    const raw = {
      method: 'POST',
      url: 'http://127.0.0.1:9/products/v1/datatrust',
      status: 200,
      body: JSON.stringify({ ...request, Document: '529.***.***-25', Email: 'ana@example.com' }),
    }
    expect(subjectsIn(raw)).toEqual(expect.arrayContaining([ana, email]))
  })

  it('takes a value for the kind its key names, and offers unnamed 11 digits only when they read one way', () => {
    // 11987654321 is a valid mobile number; as a CPF its check digits are wrong.
    expect(subjectsIn({ Document: '11987654321' })).toEqual([{ kind: 'cpf', value: '11987654321' }])
    expect(subjectsIn({ BNUM: '11987654321' })).toEqual([ana])
    expect(sureSubjectsIn(['11987654321'])).toEqual([ana])
    expect(sureSubjectsIn(['529.982.247-25', '(11) 98765-4321', 'ana@example.com'])).toEqual([cpf, ana, email])
    expect(sureSubjectsIn(['12345678901'])).toEqual([]) // neither a CPF nor a mobile: nobody
  })
})
