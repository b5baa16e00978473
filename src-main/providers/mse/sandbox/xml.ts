/* The simulated MSE's answer document (seed 003 §6.3: <mse-response>). */

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function mseXml(r: {
  status: number
  profile: string
  transactionId?: string
  error?: string
  parameters?: Record<string, string>
}): string {
  const params = Object.entries(r.parameters ?? {})
  return [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<mse-response>',
    `  <status-code>${r.status}</status-code>`,
    `  <profile>${escape(r.profile)}</profile>`,
    ...(r.transactionId ? [`  <transaction-id>${r.transactionId}</transaction-id>`] : []),
    ...(r.error ? [`  <error-message>${escape(r.error)}</error-message>`] : []),
    ...(params.length
      ? [
          '  <parameters>',
          ...params.map(
            ([k, v]) =>
              `    <param-item>\n      <param-name>${escape(k)}</param-name>\n      <param-value>${escape(v)}</param-value>\n    </param-item>`,
          ),
          '  </parameters>',
        ]
      : []),
    '</mse-response>',
  ].join('\n')
}
