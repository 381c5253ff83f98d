import { fundPeriodOf, fundStreamOf } from '@app/domain/awards';
import { organisationLedgerDecider, POLICY_VALIDITY_STREAM, policyValidityDecider } from '@app/domain/funds';
import type { LedgerLine, MeasureCatalogue, PolicyValidity } from '@app/domain/funds';
import type { CommandMetadata } from '@app/domain/shared/command-metadata';
import type { UnitOfWork } from '@app/platform';

/**
 * The fund streams of an organisation that can hold lines decided within the validity (the periods
 * from the plan's first year to the year the validity ends), read inside the unit of work so every
 * ledger a decision read is appended to with the revision read: two decisions on one organisation
 * cannot both pay (ConcurrencyError, then runCommand retries on the ledgers as they are now).
 */
export function ledgerStreamsOf(creditCode: string, validity: PolicyValidity, untilYear: number): string[] {
  const streams = new Set<string>();
  const lastYear = Math.max(untilYear, Number(validity.window.to.slice(0, 4)), ...validity.extensions.map((e) => Number(e.extendedTo.slice(0, 4))));
  for (let year = Number(validity.window.from.slice(0, 4)); year <= lastYear; year = fundPeriodOf(year).to + 1) {
    streams.add(fundStreamOf(creditCode, year));
  }
  return [...streams].sort();
}

export async function loadValidity(unit: UnitOfWork, measures: MeasureCatalogue): Promise<PolicyValidity> {
  return (await unit.load(POLICY_VALIDITY_STREAM, policyValidityDecider(measures.validity))).state;
}

export async function loadLedgerLines(unit: UnitOfWork, creditCode: string, validity: PolicyValidity, untilYear: number): Promise<LedgerLine[]> {
  const lines: LedgerLine[] = [];
  for (const stream of ledgerStreamsOf(creditCode, validity, untilYear)) lines.push(...(await unit.load(stream, organisationLedgerDecider)).state.lines);
  return lines;
}

/** Appends the lines to their organisations' fund streams, in stream-id order. */
export async function recordLines(unit: UnitOfWork, lines: readonly LedgerLine[], metadata: CommandMetadata): Promise<void> {
  const byStream = new Map<string, LedgerLine[]>();
  for (const line of lines) {
    const stream = fundStreamOf(line.creditCode, line.year);
    byStream.set(stream, [...(byStream.get(stream) ?? []), line]);
  }
  for (const stream of [...byStream.keys()].sort()) {
    await unit.decide(stream, organisationLedgerDecider, { type: 'RecordFundLines', data: { lines: byStream.get(stream)! }, metadata });
  }
}
