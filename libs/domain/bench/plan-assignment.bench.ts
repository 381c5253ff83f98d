/**
 * The planner alone at the sizes of a real year: N dossiers, N/4 experts, 5 experts per dossier, the
 * 十大示范场景 cap, fields and organisations drawn from a fixed seed so every run plans the same input.
 *
 *   npx tsx libs/domain/bench/plan-assignment.bench.ts [N ...]     # default 400 1600 6400
 */
import { createHash } from 'node:crypto';
import type { ConflictDossier, ConflictExpert } from '../src/conflicts/conflict-of-interest';
import { planAssignment } from '../src/assignment';
import { seededRandom } from '../src/assignment/seeded-random';

const FIELDS = ['manufacturing', 'medical', 'education', 'transport', 'energy', 'agriculture', 'finance', 'government'];

export function plannerInput(dossierCount: number, seed = 'bench') {
  const random = seededRandom(`${seed}/${dossierCount}`);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const organisations = Array.from({ length: Math.max(1, dossierCount / 2) }, (_, i) => `ORG-${i}`);
  const experts: ConflictExpert[] = Array.from({ length: Math.max(5, dossierCount / 4) }, (_, i) => ({
    expertId: `E-${String(i).padStart(5, '0')}`,
    organisationCreditCode: random() < 0.3 ? pick(organisations) : undefined,
    declaredConflictCreditCodes: random() < 0.2 ? [pick(organisations)] : [],
    fields: random() < 0.5 ? [pick(FIELDS)] : [pick(FIELDS), pick(FIELDS)],
    active: random() < 0.97,
  }));
  const dossiers: ConflictDossier[] = Array.from({ length: dossierCount }, (_, i) => ({
    dossierId: `D-${createHash('sha1').update(String(i)).digest('hex').slice(0, 8)}`,
    applicantCreditCode: pick(organisations),
    excludedExpertIds: random() < 0.1 ? [pick(experts).expertId] : [],
    fields: [pick(FIELDS)],
  }));
  return { dossiers, experts, expertsPerDossier: 5, maxPerExpert: 30, seed };
}

function main(): void {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length > 0 ? sizes : [400, 1600, 6400]) {
    const input = plannerInput(n);
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const plan = planAssignment(input);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    // CPU time too: on a shared machine the wall time also counts the other processes' turns.
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1e3;
    const digest = createHash('sha1').update(JSON.stringify(plan)).digest('hex').slice(0, 12);
    console.log(`N=${n} experts=${input.experts.length}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU, ${plan.assignments.length} pairs, ${plan.unfilled.length} unfilled, plan ${digest}`);
  }
}

if (require.main === module) main();
