import type { FundEntry } from '../awards/fund-ledger';
import { creditCode } from '../selection/actors.test-support';
import type { DeclaredSupport } from './declared-support';
import { admin, applicant, at, uploaded, wan } from './funds.test-support';
import type { NationalGrantCommand } from './national-grant.commands';
import type { NationalGrantEvent, NationalMeasure } from './national-grant.events';

export const PLATFORM_ORG = creditCode(601);
export const PLATFORM = { projectCode: 'GJPT-2026-01', title: '湖南智能计算国家工程研究中心' };

export type Apply = Extract<NationalGrantCommand, { type: 'ApplyForNationalGrant' }>;

export function apply(measure: NationalMeasure, date = '2026-03-02', declaredSupport: readonly DeclaredSupport[] = [], org = PLATFORM_ORG, project = PLATFORM): Apply {
  return {
    type: 'ApplyForNationalGrant',
    data: {
      applicationId: `ng-${measure}`,
      measure,
      creditCode: org,
      organisationName: '湖南示例智能科技有限公司(合成)',
      project,
      approvalDocument: { documentNo: '国科发〔2026〕1号(示例)', issuer: '科学技术部', approvedOn: '2026-01-15', file: uploaded('approval-document') },
      declaredSupport,
    },
    metadata: applicant(org, date),
  };
}

export function applied(command: Apply): NationalGrantEvent {
  return { type: 'NationalGrantApplied', data: { ...command.data, appliedAt: command.metadata.now } };
}

export const DECLARED_150: DeclaredSupport = { documentNo: '湘财教〔2026〕3号(示例)', measureName: '省科技创新平台建设专项', paidFen: wan(150), receivedOn: '2026-02-01', file: uploaded('support-document') };

/** A selection award of the previous year for the same project (issue 12's ledger entry). */
export function selectionEntry(paidFen: number, year = 2025, project = PLATFORM, org = PLATFORM_ORG): FundEntry {
  return {
    entryId: `innovative-product-${year}/ds-9`,
    measure: 'selection-award',
    programme: 'innovative-product',
    year,
    selectionId: `innovative-product-${year}`,
    selectionTitle: `${year}年湖南省“人工智能+”软硬件创新产品评选`,
    dossierId: 'ds-9',
    applicantCreditCode: org,
    project: { projectCode: project.projectCode, title: project.title, projectKey: `${org}|code:${project.projectCode.toLowerCase()}` },
    sameProjectAs: [],
    declaredDifferentFrom: [],
    standard: { rateBasisPoints: 2000, approvedInvestmentFen: paidFen * 5, capFen: wan(100), standardFen: paidFen },
    paidFen,
    decision: 'paid',
    reason: '该项目未获其他同类支持',
    decidedAt: at(`${year}-12-01`),
  };
}

export { admin };
