import { describe, expect, it } from 'vitest'
import { coreWithPrivateKeychain } from '../helpers/core-harness'
import { invokeOrThrow } from '../../src-main/cli/invoke'

/* seed 004 "ConditionalRule" through the embedded sandbox: a validation SMS to the HotPhone is not sent, and says so. */
describe('the Data Trust sandbox follows seed 004 on conditional sending', () => {
  const h = coreWithPrivateKeychain({ host: 'cli' })

  it('the 2nd factor (SendOption 3) to the HotPhone is not sent and says so with ConditionalRule', async () => {
    await invokeOrThrow(h.core, 'datatrust:conditional-set', { enabled: true })
    // 529.982.247-25's HotPhone is 11 98888-7777 (sandbox persona).
    const hot = await invokeOrThrow(h.core, 'datatrust:send', {
      cpf: '529.982.247-25',
      phone: '(11) 98888-7777',
      sendOptions: [3],
    })
    expect(hot.transaction.Results?.Validation?.SMSVerification).toMatchObject({ Sent: null, ConditionalRule: true })
    const other = await invokeOrThrow(h.core, 'datatrust:send', {
      cpf: '529.982.247-25',
      phone: '(11) 91234-5678',
      sendOptions: [3],
    })
    expect(other.transaction.Results?.Validation?.SMSVerification).toMatchObject({
      ConditionalRule: false,
      Sent: { Text: expect.any(String) },
    })
  })
})
