/** What each money decision of the fund ledger is called in the lists, spreadsheets and pages people read. */
export const FUND_DECISION_NAMES: Readonly<Record<string, string>> = {
  paid: '拨付',
  'top-up': '补差',
  'not-paid': '不重复享受',
  suspended: '暂停拨付',
  committed: '已安排',
  granted: '全额安排',
  reduced: '按预算减额安排',
  'not-granted': '预算不足未安排',
  issued: '已发放',
  redeemed: '已兑付',
};
