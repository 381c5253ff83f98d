import { isLocalDate } from '../calendar/local-date';
import type { LocalDate } from '../calendar/local-date';
import { shanghaiDate } from '../calendar/shanghai-time';
import type { CommandMetadata } from '../shared/command-metadata';
import type { Decider } from '../shared/decider';
import { refuse } from '../shared/refusal';
import type { PolicyWindow } from './measures';

/**
 * 本政策措施自发布之日起实施,有效期3年: the measures apply from 2025-10-27 to 2028-10-26 (both days
 * included, Asia/Shanghai). A call, claim, grant or instalment dated outside is refused with
 * `outside-policy-validity`, unless an admin has recorded the document that extends the measures
 * (stream `policy-validity-{documentKey}`, event PolicyExtensionRecorded).
 *
 * Bounded: one event per extending document, a handful in the life of a plan.
 */
export interface PolicyExtension {
  /** e.g. 湘政发〔2028〕12号. */
  readonly documentNo: string;
  readonly title: string;
  /** The last day the measures apply under this document. */
  readonly extendedTo: LocalDate;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface PolicyValidity {
  readonly window: PolicyWindow;
  readonly extensions: readonly PolicyExtension[];
}

export const POLICY_VALIDITY_STREAM = 'policy-validity-hunan-ai-plus-2025';

export function effectiveUntil(validity: PolicyValidity): LocalDate {
  return validity.extensions.reduce((latest, extension) => (extension.extendedTo > latest ? extension.extendedTo : latest), validity.window.to);
}

export function isWithinValidity(validity: PolicyValidity, date: LocalDate): boolean {
  return date >= validity.window.from && date <= effectiveUntil(validity);
}

/**
 * Refuses `outside-policy-validity` when `date` (a Shanghai date) is outside the measures' validity;
 * `what` names the thing in Chinese (算力券申报, 第2年度拨付…).
 */
export function requireWithinValidity(validity: PolicyValidity, date: LocalDate, what: string): void {
  if (isWithinValidity(validity, date)) return;
  const until = effectiveUntil(validity);
  const extended = validity.extensions.length > 0 ? `(已登记延期文件 ${validity.extensions.map((e) => e.documentNo).join('、')})` : '';
  throw refuse(
    'outside-policy-validity',
    `${what}的日期 ${date} 不在政策有效期 ${validity.window.from} 至 ${until} 内${extended}(${validity.window.clause}),不予受理。` +
      `如政策已延期,请管理员先登记延期文件后重试。`,
    'conflict',
    { date, validFrom: validity.window.from, validUntil: until },
  );
}

/** The Shanghai date of the command, checked against the validity. */
export function requireCommandWithinValidity(validity: PolicyValidity, metadata: CommandMetadata, what: string): LocalDate {
  const today = shanghaiDate(metadata.now);
  requireWithinValidity(validity, today, what);
  return today;
}

export type PolicyValidityCommand = {
  type: 'RecordPolicyExtension';
  data: { documentNo: string; title: string; extendedTo: LocalDate };
  metadata: CommandMetadata;
};
export type PolicyValidityEvent = { type: 'PolicyExtensionRecorded'; data: PolicyExtension };

/** The validity of one plan: its window (from the measures file) and the extensions recorded. */
export function policyValidityDecider(window: PolicyWindow): Decider<PolicyValidityCommand, PolicyValidityEvent, PolicyValidity> {
  return {
    initialState: () => ({ window, extensions: [] }),
    decide(command, state) {
      if (command.metadata.actor.role !== 'admin') throw refuse('forbidden', '只有管理员可以登记政策延期文件', 'forbidden');
      const { documentNo, title, extendedTo } = command.data;
      const problems: string[] = [];
      if (documentNo.trim() === '') problems.push('documentNo:请填写延期文件的文号');
      if (title.trim() === '') problems.push('title:请填写延期文件的标题');
      if (!isLocalDate(extendedTo)) problems.push(`extendedTo:请按 YYYY-MM-DD 填写延期后的截止日期,收到 ${JSON.stringify(extendedTo)}`);
      if (problems.length > 0) throw refuse('invalid-policy-extension', `延期文件信息不完整:${problems.join(';')}`, 'invalid', { problems });
      if (state.extensions.some((existing) => existing.documentNo === documentNo.trim())) {
        throw refuse('policy-extension-exists', `延期文件 ${documentNo} 已登记,无需重复登记`);
      }
      const until = effectiveUntil(state);
      if (extendedTo <= until) {
        throw refuse('policy-extension-not-later', `延期后的截止日期 ${extendedTo} 须晚于现行截止日期 ${until},请核对延期文件`);
      }
      return [
        {
          type: 'PolicyExtensionRecorded',
          data: { documentNo: documentNo.trim(), title: title.trim(), extendedTo, recordedAt: command.metadata.now, recordedBy: command.metadata.actor.id },
        },
      ];
    },
    evolve: (state, event) => ({ ...state, extensions: [...state.extensions, event.data] }),
  };
}
