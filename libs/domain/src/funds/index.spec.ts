import * as funds from './index';

describe('the public surface of the funds module', () => {
  it('exposes the deciders, the rules and the ledger', () => {
    for (const fn of [
      funds.parseMeasureCatalogue,
      funds.policyValidityDecider,
      funds.voucherCallDecider,
      funds.nationalGrantDecider,
      funds.voucherStandard,
      funds.allocateVouchers,
      funds.applySupportRule,
      funds.assertDeclaredSupport,
      funds.ledgerLinesOf,
      funds.voucherLedgerLines,
      funds.nationalGrantLedgerLines,
      funds.summariseFunds,
      funds.requireWithinValidity,
    ]) {
      expect(typeof fn).toBe('function');
    }
    expect(funds.organisationLedgerDecider.initialState()).toEqual({ creditCode: null, period: null, lines: [] });
    expect(funds.voucherCallStreamOf(2026)).toBe('compute-voucher-2026');
    expect(funds.nationalGrantStreamOf('ng-1')).toBe('national-grant-ng-1');
  });
});
