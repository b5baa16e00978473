import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ParamSpec } from '../../../src-shared/domain/mse-services'
import { WireName } from '../../components/WireName'
import type { ParamProblem } from '../../../src-shared/domain/mse-validate'

interface Props {
  spec: ParamSpec
  value: string
  onValue(value: string): void
  /** Shown once the field was touched or a send was tried. */
  problem: ParamProblem | undefined
  hint?: ReactNode
}

/** One MSE input parameter, drawn from its declaration (seed 003 §6.4): kind decides the control. */
export function ParamField({ spec, value, onValue, problem, hint }: Props) {
  const { t } = useTranslation()
  const id = `mse-${spec.name}`
  const common = {
    id,
    value,
    'aria-invalid': problem ? true : undefined,
    'data-param': spec.name,
    autoComplete: 'off',
  } as const
  let control: ReactNode
  if (spec.values) {
    control = (
      <select {...common} onChange={(e) => onValue(e.target.value)}>
        <option value="" />
        {spec.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    )
  } else if (spec.kind === 'text160' || spec.name === 'MMS' || spec.name === 'WML' || spec.name === 'MEMO') {
    control = <textarea {...common} rows={3} onChange={(e) => onValue(e.target.value)} />
  } else {
    const numeric = spec.kind === 'ctn' || spec.kind === 'imei' || spec.kind === 'int' || spec.kind === 'amount'
    control = (
      <input
        {...common}
        inputMode={spec.kind === 'ctn' ? 'tel' : numeric ? 'numeric' : undefined}
        onChange={(e) => onValue(e.target.value)}
      />
    )
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        <WireName words={t(`wire.param.${spec.name}`)} wire={spec.name} />
        {!spec.required && <span className="muted"> ({t('mse.optional')})</span>}
      </label>
      <div>
        {control}
        {problem && (
          <p className="field-error" data-testid={`problem-${spec.name}`}>
            {t(`mse.problems.${problem.problem}`, { detail: problem.detail ?? '' })}
          </p>
        )}
        {hint}
      </div>
    </div>
  )
}
