/*
 * Preloaded into a CLI process a test starts (NODE_OPTIONS=--require …): its clock runs SENTINELA_TEST_CLOCK_SHIFT_MS
 * ahead, so a test can let a token's lifetime pass across processes without waiting for it. Test-only; never shipped.
 */
const shift = Number(process.env.SENTINELA_TEST_CLOCK_SHIFT_MS || 0)
if (shift) {
  const RealDate = Date
  const now = () => RealDate.now() + shift
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now())
      else super(...args)
    }
    static now() {
      return now()
    }
  }
  globalThis.Date = ShiftedDate
}
