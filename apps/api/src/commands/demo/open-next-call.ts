import type { SettableClock } from '@app/platform';
import { DemoClient } from './demo-client';
import { demoCallDeadline, lastSeedCalendarYear } from './demo-call-deadline';
import { syntheticCreditCode } from './demo-seeds';

export interface NextCallOptions {
  readonly baseUrl: string;
  readonly admin: { readonly username: string; readonly password: string };
  readonly clock: SettableClock;
  /** Today, from the wall clock: the call must still be open when `npm run start:demo` serves it. */
  readonly now: Date;
  /** The seeds folder: its calendar years bound the call's deadline. */
  readonly seedsDir: string;
  readonly log: (line: string) => void;
}

/** The applicant account with no dossier yet, to draft one in the open call on the portal. */
export const DEMO_APPLICANT = { username: 'demo-applicant', password: 'demo-applicant-passphrase' };

const shanghaiDate = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * After the 2025 replay: opens this year's 十大示范场景 call (deadline 60 days from today, or earlier so that
 * review and the notice stay in a year whose holiday notice the system has) and registers
 * an organisation without dossiers (demo-applicant), so a visitor can draft a dossier on the portal.
 * It touches no 2025 stream, so the 2025 annexes stay as they are.
 */
export async function openNextCall(options: NextCallOptions): Promise<{ selectionId: string; deadline: string }> {
  options.clock.set(options.now.toISOString());
  const anonymous = new DemoClient(options.baseUrl);
  const admin = await anonymous.login(options.admin.username, options.admin.password);
  const year = Number(shanghaiDate(options.now).slice(0, 4));
  const { deadline, noticeFitsCalendar } = demoCallDeadline(shanghaiDate(options.now), lastSeedCalendarYear(options.seedsDir));
  const opened = await admin.post('/api/v1/selections', {
    json: { programme: 'demo-scenario', year, submissionDeadlineDate: deadline },
    expect: 201,
  });
  const selectionId = opened.json<{ id: string }>().id;
  await anonymous.post('/api/v1/organisations', {
    json: {
      creditCode: syntheticCreditCode(800),
      name: '演示申报单位(演示数据,合成)',
      contactName: '演示联系人',
      contactPhone: '0731-80000800',
      username: DEMO_APPLICANT.username,
      password: DEMO_APPLICANT.password,
    },
    expect: 201,
  });
  options.log(`opened ${selectionId} for submissions until ${deadline}; ${DEMO_APPLICANT.username} (SYNTHETIC organisation, no dossier yet) may draft one on the portal`);
  if (!noticeFitsCalendar) {
    options.log(`the notice of ${selectionId} will run into ${year + 1}: load that year's holiday notice (国务院办公厅 放假安排) on the portal's calendar page first`);
  }
  return { selectionId, deadline };
}
