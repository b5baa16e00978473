import type { Command } from 'commander'
import { CUSTOMER_CHECKS, type CustomerCheckId } from '../../../src-shared/contract/customer'
import { causeText, policyLabel, type Outcome } from '../../../src-shared/domain/policy'
import { AppFailure, toAppError } from '../../infra/errors'
import { checkCustomer } from '../../services/customer/service'
import type { Translate } from '../../../src-shared/i18n'
import type { CliIO } from '../io'
import { UsageError, type GlobalOptions } from '../options'
import { withCore } from '../core'
import { CliFailure } from '../invoke'
import { loadPolicyFile } from '../policy-file'

/**
 * `sentinela customer --cpf N [--phone N] [--email E] [--cep N] [--checks LIST] [--policy FILE]`: the customer
 * view's decision (the same service as Cliente). stdout: {"verdict","reasons":[{"code","text"}],"policy","checks"};
 * exit 0 whatever the verdict, 2 for bad input.
 */
export function registerCustomer(program: Command, globals: (command: Command) => GlobalOptions, io: CliIO): void {
  program
    .command('customer')
    .description('visão do cliente: checagens e veredito explicado / customer view: checks and an explained verdict')
    .requiredOption('--cpf <cpf>', 'CPF, ex. 529.982.247-25')
    .option('--phone <number>', 'celular / mobile, ex. "(11) 99999-0001"')
    .option('--email <email>', 'e-mail')
    .option('--cep <cep>', 'CEP')
    .option('--checks <list>', `checagens / checks: ${CUSTOMER_CHECKS.join(',')} (padrão / default: todas / all)`)
    .option(
      '--policy <file>',
      'política de decisão em JSON (padrão: a em vigor) / decision policy JSON (default: the one in force)',
    )
    .option(
      '--new-transaction',
      'nova transação Data Trust mesmo havendo uma recente da pessoa / a new Data Trust transaction even if a recent one exists',
    )
    .action(
      async (
        opts: {
          cpf: string
          phone?: string
          email?: string
          cep?: string
          checks?: string
          policy?: string
          newTransaction?: boolean
        },
        command: Command,
      ) => {
        const g = globals(command)
        const checks = opts.checks
          ?.split(',')
          .map((c) => c.trim().toLowerCase())
          .filter(Boolean)
        for (const c of checks ?? [])
          if (!(CUSTOMER_CHECKS as readonly string[]).includes(c))
            throw new UsageError('cli.usage.check', { value: c, known: CUSTOMER_CHECKS.join(', ') })
        if (checks && checks.length === 0)
          throw new UsageError('cli.usage.checksEmpty', { known: CUSTOMER_CHECKS.join(', ') })
        await withCore(g, async (core) => {
          const ctx = core.context
          const t = ctx.translate()
          const policy = opts.policy ? await loadPolicyFile(opts.policy, t) : ctx.settings.get().policy
          let result
          try {
            result = await checkCustomer(
              ctx,
              {
                cpf: opts.cpf,
                phone: opts.phone,
                email: opts.email,
                cep: opts.cep,
                checks: checks as CustomerCheckId[] | undefined,
                newTransaction: opts.newTransaction,
              },
              policy,
              undefined,
              core.modules.cases,
            )
          } catch (error) {
            if (error instanceof AppFailure) throw new CliFailure(error.code, toAppError(error, t).message)
            throw error
          }
          const checksOut = Object.fromEntries(
            result.facts.checks.map((c) => [c, describe(result.facts.outcomes[c] as Outcome | undefined, t)]),
          )
          // Which Data Trust transaction answered, and whether it was the person's recent one read again (issue #22).
          const dt = result.dataTrust
          if (dt.status === 'ok' && checksOut['datatrust'])
            Object.assign(checksOut['datatrust'], { transaction: dt.result.transaction.ID, reused: dt.result.reused })
          const out = {
            verdict: result.decision.verdict,
            reasons: result.decision.reasons.map((r) => ({ code: r.code, text: r.text })),
            policy: result.decision.policy,
            checks: checksOut,
            case: result.caseId,
          }
          io.stdout(`${JSON.stringify(out)}\n`)
          if (g.json) return
          io.stderr(
            `${t('verdict.title')}: ${t(`verdict.values.${out.verdict}`)} · ${t('policy.label', { label: policyLabel(out.policy) })}\n`,
          )
          for (const r of out.reasons) io.stderr(`  - ${r.text}\n`)
        })
      },
    )
}

function describe(o: Outcome | undefined, t: Translate): Record<string, unknown> {
  if (!o) return { status: 'not_run', code: 'pending' }
  if (o.status === 'answered') return { status: o.status, ...o.answer }
  return { status: o.status, code: o.code, text: causeText(o.code, t) }
}
