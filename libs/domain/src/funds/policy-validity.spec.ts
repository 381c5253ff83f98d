import { refusalOf } from '../shared/refusal.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { admin, EXTENSION, MEASURES, validity } from './funds.test-support';
import { effectiveUntil, isWithinValidity, policyValidityDecider, requireCommandWithinValidity, requireWithinValidity } from './policy-validity';
import type { PolicyValidityCommand, PolicyValidityEvent } from './policy-validity';

const given = givenWhenThen(policyValidityDecider(MEASURES.validity));
const extend = (data: Partial<PolicyValidityCommand['data']> = {}, metadata = admin('2028-09-01')): PolicyValidityCommand => ({
  type: 'RecordPolicyExtension',
  data: { documentNo: EXTENSION.documentNo, title: EXTENSION.title, extendedTo: EXTENSION.extendedTo, ...data },
  metadata,
});
const recorded: PolicyValidityEvent = { type: 'PolicyExtensionRecorded', data: EXTENSION };

describe('policy validity: 本政策措施自发布之日起实施,有效期3年 (2025-10-27 to 2028-10-26)', () => {
  it('given no extension, the first and last day are inside and the days around them outside', () => {
    const plain = validity();
    expect(['2025-10-26', '2025-10-27', '2028-10-26', '2028-10-27'].map((date) => isWithinValidity(plain, date))).toEqual([false, true, true, false]);
    expect(effectiveUntil(plain)).toBe('2028-10-26');
  });

  it('when a claim is dated outside, then it is refused with the window, the clause and what to do', () => {
    const refusal = refusalOf(() => requireWithinValidity(validity(), '2028-10-27', '算力券申报'));
    expect(refusal.code).toBe('outside-policy-validity');
    expect(refusal.message).toBe(
      '算力券申报的日期 2028-10-27 不在政策有效期 2025-10-27 至 2028-10-26 内(本政策措施自发布之日起实施,有效期3年。),不予受理。如政策已延期,请管理员先登记延期文件后重试。',
    );
    expect(refusal.details).toEqual({ date: '2028-10-27', validFrom: '2025-10-27', validUntil: '2028-10-26' });
  });

  it('reads the command time in Changsha: 2028-10-26T16:00Z is already 2028-10-27', () => {
    const late = { now: '2028-10-26T16:00:00.000Z', actor: { id: 'a', role: 'admin' as const } };
    expect(refusalOf(() => requireCommandWithinValidity(validity(), late, '拨付')).code).toBe('outside-policy-validity');
    expect(requireCommandWithinValidity(validity(), { ...late, now: '2028-10-26T15:59:59.999Z' }, '拨付')).toBe('2028-10-26');
  });

  it('given an extending document recorded, when a date up to its end comes, then it is inside, and the refusal names the document after it', () => {
    const extended = validity([EXTENSION]);
    expect(isWithinValidity(extended, '2029-06-01')).toBe(true);
    expect(effectiveUntil(extended)).toBe('2031-10-26');
    expect(refusalOf(() => requireWithinValidity(extended, '2031-10-27', '拨付')).message).toContain(`已登记延期文件 ${EXTENSION.documentNo}`);
  });

  it('given nothing, when an admin records an extending document, then it is recorded; refused for others, repeats, earlier ends and gaps', () => {
    given([]).when(extend()).then([recorded]);
    given([]).when(extend({}, { ...admin('2028-09-01'), actor: { id: 'u', role: 'applicant' } })).thenRefused('forbidden');
    given([recorded]).when(extend()).thenRefused('policy-extension-exists');
    given([recorded]).when(extend({ documentNo: '另一文件', extendedTo: '2030-01-01' })).thenRefused('policy-extension-not-later', '须晚于现行截止日期 2031-10-26');
    given([]).when(extend({ documentNo: ' ', title: '', extendedTo: '2029-13-01' })).thenRefused('invalid-policy-extension', '请填写延期文件的文号');
  });
});
