import { describe, expect, it } from 'vitest'
import { parseSubject, subjectPattern, subjectsIn, type Subject } from '../../src-shared/domain/privacy'

/* Issue #14: a person is found however their identifier was written, and never inside someone else's. */

const phone: Subject = { kind: 'phone', value: '5511912345678' }
const cpf: Subject = { kind: 'cpf', value: '52998224725' }
const email: Subject = { kind: 'email', value: 'ana.souza@example.com' }

describe('parseSubject', () => {
  it('normalises what people type', () => {
    expect(parseSubject('phone', '(11) 91234-5678')).toEqual({ ok: true, subject: phone })
    expect(parseSubject('phone', '+55 11 91234 5678')).toEqual({ ok: true, subject: phone })
    expect(parseSubject('cpf', '529.982.247-25')).toEqual({ ok: true, subject: cpf })
    expect(parseSubject('email', ' Ana.Souza@Example.COM ')).toEqual({ ok: true, subject: email })
  })

  it('keeps a CPF with wrong check digits (a list may hold one) and refuses what is no identifier', () => {
    expect(parseSubject('cpf', '529.982.247-26')).toEqual({ ok: true, subject: { kind: 'cpf', value: '52998224726' } })
    expect(parseSubject('cpf', '1234')).toEqual({ ok: false, reason: 'cpf' })
    expect(parseSubject('phone', '1234')).toEqual({ ok: false, reason: 'phone' })
    expect(parseSubject('email', 'ana@')).toEqual({ ok: false, reason: 'email' })
    expect(parseSubject('email', '  ')).toEqual({ ok: false, reason: 'empty' })
  })
})

describe('subjectPattern', () => {
  it('finds a mobile number in every written form', () => {
    const p = subjectPattern(phone)
    for (const text of [
      '5511912345678',
      '11912345678',
      '(11) 91234-5678',
      '+55 (11) 91234-5678',
      "'+55 11 91234 5678",
      'CTN=011912345678',
      'BNUM=%2B5511912345678',
      '{"msisdn":"5511912345678"}',
      'Ana;(11)91234-5678;x',
    ]) {
      expect([text, p.test(text)]).toEqual([text, true])
    }
  })

  it('never matches inside a longer number, another number or its masked form', () => {
    const p = subjectPattern(phone)
    for (const text of [
      '511912345678',
      '119123456789',
      '(11) 91234-5679',
      '+55 (11) 9****-5678',
      '5521912345678',
      '2026-11-30T11:91',
    ]) {
      expect([text, p.test(text)]).toEqual([text, false])
    }
  })

  it('finds a CPF formatted or bare, not within a longer run of digits', () => {
    const p = subjectPattern(cpf)
    expect(['529.982.247-25', '52998224725', 'CPF;529 982 247 25;'].every((t) => p.test(t))).toBe(true)
    expect(['152998224725', '529.982.247-250', '529.***.***-25'].some((t) => p.test(t))).toBe(false)
  })

  it('finds an e-mail in any case and URL-encoded, not as part of a longer address', () => {
    const p = subjectPattern(email)
    expect(
      ['ana.souza@example.com', 'EMAIL=ANA.SOUZA%40EXAMPLE.COM&x=1', '<ana.souza@example.com>'].every((t) => p.test(t)),
    ).toBe(true)
    expect(
      ['joana.souza@example.com', 'ana.souza@example.com.br', 'xana.souza@example.com'].some((t) => p.test(t)),
    ).toBe(false)
  })
})

describe('subjectsIn', () => {
  it('lists the people a request is about, from any depth of it', () => {
    const found = subjectsIn({
      Document: '529.982.247-25',
      Phone: { Number: '(11) 91234-5678' },
      Email: 'ana.souza@example.com',
      TEXT: 'Olá',
    })
    expect(found).toEqual(expect.arrayContaining([cpf, phone, email]))
    expect(subjectsIn({ TEXT: 'Seu código é 1234', VALPERIOD: '300' })).toEqual([])
  })
})
