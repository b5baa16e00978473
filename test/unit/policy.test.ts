import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  changeText,
  policyChanges,
  CHECK_IDS,
  causeText,
  DEFAULT_POLICY,
  decide,
  explain,
  migrateSettings,
  OUTCOME_STATUSES,
  policyHash,
  PolicySchema,
  readPolicy,
  type CheckId,
  type Facts,
  type Outcome,
  type Policy,
} from '../../src-shared/domain/policy'
import { createTranslator } from '../../src-shared/i18n'
import { SettingsSchema } from '../../src-shared/domain/settings'

const pt = createTranslator('pt-BR')
const en = createTranslator('en')
const answered: { [C in CheckId]: Outcome<C> } = {
  alerts: { status: 'answered', answer: { events: [] } },
  score: { status: 'answered', answer: { score: 820 } },
  datatrust: {
    status: 'answered',
    answer: { score: 91.5, insights: [{ code: 'TEL001', relevance: 'Positivo', description: 'visto' }] },
  },
  line: { status: 'answered', answer: { parameters: { STATUS: 'ATIVO' } } },
}
const clean = (checks: CheckId[] = ['alerts', 'score', 'datatrust']): Facts => ({
  checks,
  outcomes: Object.fromEntries(checks.map((c) => [c, answered[c]])),
})
const withRules = (rules: Partial<Policy['rules']>): Policy => ({
  ...DEFAULT_POLICY,
  rules: { ...DEFAULT_POLICY.rules, ...rules },
})

describe('the decision policy', () => {
  it('approves only when every asked check answered and no rule fired', () => {
    expect(decide(DEFAULT_POLICY, clean())).toMatchObject({ verdict: 'aprovar', reasons: [] })
  })

  it('a check that never ran is never approved: invalid CPF, unknown line, missing phone', () => {
    const facts: Facts = {
      checks: ['alerts', 'score'],
      outcomes: {
        alerts: { status: 'not_found', code: 'claro.not_found' },
        score: { status: 'not_run', code: 'invalid_cpf.check_digits' },
      },
    }
    const d = decide(DEFAULT_POLICY, facts)
    expect(d.verdict).toBe('revisar')
    expect(d.reasons.map((r) => r.code)).toEqual([
      'alerts.not_found:claro.not_found',
      'score.not_run:invalid_cpf.check_digits',
    ])
    expect(explain(d, pt).map((r) => r.text)).toEqual([
      'Claro Alerta não encontrou o cliente: a Claro não tem este cliente na base (404).',
      'Score Claro não consultado: CPF com dígito verificador inválido.',
    ])
    expect(explain(decide(DEFAULT_POLICY, { checks: ['alerts'], outcomes: {} }), pt)[0]?.text).toBe(
      'Claro Alerta não consultado: a checagem não chegou a rodar (lote interrompido ou ainda em andamento).',
    )
  })

  it('a failure the catalog has no sentence for still reads as words, with its code', () => {
    expect(causeText('claro', pt)).toBe('erro não classificado (claro)')
    expect(causeText('ussd.invalid', en)).toBe('unclassified error (ussd.invalid)')
    expect(causeText('provider_timeout', pt)).toBe('o provedor não respondeu no prazo')
  })

  it('nothing asked is not an approval', () =>
    expect(decide(DEFAULT_POLICY, { checks: [], outcomes: {} }).verdict).toBe('revisar'))

  it('not found can be set to recusar; signal rules follow their thresholds, actions and switches', () => {
    const policy = withRules({
      not_found: { action: 'recusar' },
      claro_score_low: { enabled: true, action: 'recusar', below: 900 },
      insight_alert: { enabled: false, action: 'revisar' },
    })
    expect(
      decide(policy, { checks: ['alerts'], outcomes: { alerts: { status: 'not_found', code: 'claro.not_found' } } })
        .verdict,
    ).toBe('recusar')
    const d = decide(policy, {
      ...clean(),
      outcomes: {
        ...clean().outcomes,
        datatrust: {
          status: 'answered',
          answer: { score: 80, insights: [{ code: 'X', relevance: 'Alerta', description: 'y' }] },
        },
      },
    })
    expect(d).toMatchObject({
      verdict: 'recusar',
      reasons: [{ code: 'claro_score_low', params: { score: 820, below: 900 } }],
    })
  })

  it('a SIM swap inside the window refuses, with the event, its age and the window in words', () => {
    const facts: Facts = {
      checks: ['alerts'],
      outcomes: {
        alerts: {
          status: 'answered',
          answer: { events: [{ name: 'SIMCARD_CHANGED', at: '2026-11-22T12:00:00Z', ageDays: 1 }] },
        },
      },
    }
    const d = decide(DEFAULT_POLICY, facts)
    expect(d.verdict).toBe('recusar')
    expect(explain(d, pt)[0]?.text).toBe('Troca de SIM (chip) há 1 dia — dentro da janela de 7 dias.')
    expect(explain(d, en)[0]?.text).toBe('SIM card changed 1 day ago — inside the 7-day window.')
    const today = {
      ...facts,
      outcomes: {
        alerts: {
          status: 'answered' as const,
          answer: { events: [{ name: 'DEVICE_CHANGED', at: '2026-11-23T10:00:00Z', ageDays: 0 }] },
        },
      },
    }
    expect(explain(decide(DEFAULT_POLICY, today), pt)[0]?.text).toBe(
      'Troca de aparelho hoje — dentro da janela de 7 dias.',
    )
    const old = {
      ...facts,
      outcomes: {
        alerts: {
          status: 'answered' as const,
          answer: { events: [{ name: 'SIMCARD_CHANGED', at: '2026-05-01T12:00:00Z', ageDays: 200 }] },
        },
      },
    }
    expect(decide(DEFAULT_POLICY, old).verdict).toBe('aprovar')
  })

  it('ends an insight reason with one full stop, whatever the provider wrote', () => {
    const facts: Facts = {
      checks: ['datatrust'],
      outcomes: {
        datatrust: {
          status: 'answered',
          answer: {
            score: 80,
            insights: [{ code: 'DEV017', relevance: 'Alerta', description: 'Device visto em fraude.' }],
          },
        },
      },
    }
    expect(explain(decide(DEFAULT_POLICY, facts), pt)[0]?.text).toBe(
      'Data Trust aponta um insight de relevância "Alerta": DEV017 — Device visto em fraude.',
    )
  })

  it('words numbers the way each language writes them', () => {
    const facts: Facts = {
      checks: ['datatrust'],
      outcomes: { datatrust: { status: 'answered', answer: { score: 12.4, insights: [] } } },
    }
    expect(explain(decide(DEFAULT_POLICY, facts), pt)[0]?.text).toBe(
      'Score Data Trust 12,4 abaixo do mínimo da política (30).',
    )
    expect(explain(decide(DEFAULT_POLICY, facts), en)[0]?.text).toBe(
      'Data Trust score 12.4 below the policy minimum (30).',
    )
  })

  it('property: over every combination of outcomes, "aprovar" appears only when all asked checks answered', () => {
    const outcome = fc
      .constantFrom(...OUTCOME_STATUSES)
      .map((status): Outcome => (status === 'answered' ? { status, answer: { score: 0 } } : { status, code: 'x' }))
    const rules = fc.record({
      notFound: fc.constantFrom('revisar' as const, 'recusar' as const),
      below: fc.integer({ min: 0, max: 1000 }),
      enabled: fc.boolean(),
    })
    fc.assert(
      fc.property(
        fc.subarray([...CHECK_IDS]),
        fc.array(outcome, { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        rules,
        (checks, outcomes, problem, r) => {
          const facts: Facts = { checks, outcomes: {}, inputProblem: problem ? 'columns:3,5' : null }
          checks.forEach((c, i) => {
            const o = outcomes[i] as Outcome
            // An answered outcome carries the answer shape of its check.
            Object.assign(facts.outcomes, { [c]: o.status === 'answered' ? answered[c] : o })
          })
          const policy = withRules({
            not_found: { action: r.notFound },
            claro_score_low: { enabled: r.enabled, action: 'revisar', below: r.below },
          })
          const d = decide(policy, facts)
          const allAnswered =
            checks.length > 0 && !problem && checks.every((c) => facts.outcomes[c]?.status === 'answered')
          if (!allAnswered) expect(d.verdict).not.toBe('aprovar')
          if (d.verdict === 'aprovar') expect(d.reasons).toEqual([])
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('the policy document', () => {
  it('hashes its rules, whatever the key order, and not its name or version', () => {
    const reordered = JSON.parse(
      JSON.stringify({ ...DEFAULT_POLICY, rules: Object.fromEntries(Object.entries(DEFAULT_POLICY.rules).reverse()) }),
    ) as Policy
    expect(policyHash(reordered)).toBe(policyHash(DEFAULT_POLICY))
    const renamed: Policy = { ...DEFAULT_POLICY, name: 'outra', version: 9 }
    expect(policyHash(renamed)).toBe(policyHash(DEFAULT_POLICY))
    expect(policyHash(withRules({ claro_score_low: { enabled: true, action: 'revisar', below: 301 } }))).not.toBe(
      policyHash(DEFAULT_POLICY),
    )
    expect(policyHash(DEFAULT_POLICY)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('words every change between two policies, field by field, in both languages', () => {
    const stricter = {
      ...withRules({
        claro_score_low: { enabled: true, action: 'revisar', below: 350 },
        insight_alert: { enabled: false, action: 'recusar' },
      }),
      name: 'Mais rígida',
    }
    const changes = policyChanges(DEFAULT_POLICY, stricter)
    expect(changes).toEqual([
      { field: 'name', before: 'Política padrão', after: 'Mais rígida' },
      { field: 'claro_score_low.below', before: 300, after: 350 },
      { field: 'insight_alert.action', before: 'revisar', after: 'recusar' },
      { field: 'insight_alert.enabled', before: true, after: false },
    ])
    expect(changes.map((c) => changeText(c, pt))).toEqual([
      'Nome: de "Política padrão" para "Mais rígida".',
      'Score Claro abaixo de (0–1000): limite de 300 para 350.',
      'Insight com relevância "Alerta": ação de Revisar para Recusar.',
      'Insight com relevância "Alerta": ativa de sim para não.',
    ])
    const en = createTranslator('en')
    expect(changeText({ field: 'claro_score_low.below', before: 300, after: 350 }, en)).toBe(
      'Claro score below (0–1000): threshold from 300 to 350.',
    )
    expect(policyChanges(DEFAULT_POLICY, { ...DEFAULT_POLICY, version: 7 })).toEqual([])
    expect(policyChanges(null, DEFAULT_POLICY)).toEqual([])
  })

  it('names every problem of an edited file in words', () => {
    const broken = {
      ...DEFAULT_POLICY,
      rules: { ...DEFAULT_POLICY.rules, claro_score_low: { enabled: true, action: 'aprovar', below: 1200 }, extra: 1 },
    }
    const read = readPolicy(broken, pt)
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems).toEqual(
      expect.arrayContaining([
        'rules.claro_score_low.action: valor inválido (use "revisar", "recusar")',
        'rules.claro_score_low.below: no máximo 1000',
        'rules: campo desconhecido: extra',
      ]),
    )
    expect(
      readPolicy(
        { ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, not_found: { enabled: false, action: 'revisar' } } },
        pt,
      ).ok,
    ).toBe(false)
  })
})

describe('settings migration', () => {
  it("folds scoreThreshold, riskWindowDays and verdictRules of today's file into one policy", () => {
    const today = {
      language: 'pt-BR',
      environment: 'sandbox',
      riskWindowDays: 10,
      scoreThreshold: 500,
      maskIdentifiers: true,
      historyRetentionDays: 90,
      verdictRules: {
        takeover_recent: { enabled: true, action: 'recusar', threshold: 7 },
        line_change_recent: { enabled: false, action: 'revisar', threshold: 14 },
        claro_score_low: { enabled: true, action: 'revisar', threshold: 300 },
        datatrust_score_low: { enabled: true, action: 'recusar', threshold: 25 },
        insight_alert: { enabled: true, action: 'revisar' },
        not_found: { enabled: true, action: 'recusar' },
        provider_failed: { enabled: false, action: 'revisar' },
      },
    }
    const m = migrateSettings(today)
    expect(m.migrated).toBe(true)
    const settings = SettingsSchema.parse(m.settings)
    expect(settings).not.toHaveProperty('scoreThreshold')
    expect(settings).not.toHaveProperty('verdictRules')
    expect(settings.policy.rules).toEqual({
      ...DEFAULT_POLICY.rules,
      takeover_recent: { enabled: true, action: 'recusar', days: 7 },
      line_change_recent: { enabled: false, action: 'revisar', days: 14 },
      claro_score_low: { enabled: true, action: 'revisar', below: 300 },
      datatrust_score_low: { enabled: true, action: 'recusar', below: 25 },
      not_found: { action: 'recusar' },
      // A switched-off failure rule cannot survive: a failed check is at least "revisar" now.
      failed: { action: 'revisar' },
    })
    expect(m.dropped).toEqual([
      { setting: 'riskWindowDays', value: 10, kept: 7 },
      { setting: 'scoreThreshold', value: 500, kept: 300 },
    ])
    expect(PolicySchema.safeParse(settings.policy).success).toBe(true)
  })

  it('a display threshold with no rule saved becomes the rule; an already migrated file is left alone', () => {
    const m = migrateSettings({ scoreThreshold: 450, riskWindowDays: 3 })
    expect(SettingsSchema.parse(m.settings).policy.rules).toMatchObject({
      claro_score_low: { below: 450 },
      takeover_recent: { days: 3 },
      line_change_recent: { days: 3 },
    })
    expect(m.dropped).toEqual([])
    expect(migrateSettings({ policy: DEFAULT_POLICY }).migrated).toBe(false)
  })
})
