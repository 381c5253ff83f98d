import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CalendarYear, parseCalendarYear } from '@app/domain/calendar';
import { PROGRAMME_CODES, ProgrammeCode, ProgrammeRules, parseProgrammeRules } from '@app/domain/programmes';
import { refuse } from '@app/domain/shared/refusal';

/**
 * The programmes' default rules and the known working-day calendar, read once from the seeds folder
 * and validated by the domain; a broken seed stops the boot with the domain's message.
 */
export class ProgrammeCatalogue {
  private constructor(
    private readonly programmes: ReadonlyMap<ProgrammeCode, ProgrammeRules>,
    readonly calendarYears: readonly CalendarYear[],
  ) {}

  static load(seedsDir: string): ProgrammeCatalogue {
    const root = resolve(seedsDir);
    const readJson = (path: string): unknown => {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`cannot read seed file ${path}: ${(error as Error).message}`);
      }
    };
    const programmes = new Map<ProgrammeCode, ProgrammeRules>();
    for (const code of PROGRAMME_CODES) {
      programmes.set(code, parseProgrammeRules(readJson(join(root, 'programmes', `${code}.json`))));
    }
    const calendarDir = join(root, 'calendar');
    const calendarYears = readdirSync(calendarDir)
      .filter((name) => /^\d{4}\.json$/.test(name))
      .sort()
      .map((name) => parseCalendarYear(readJson(join(calendarDir, name))));
    return new ProgrammeCatalogue(programmes, calendarYears);
  }

  rules(programme: string): ProgrammeRules {
    const rules = this.programmes.get(programme as ProgrammeCode);
    if (!rules) {
      throw refuse('unknown-programme', `there is no programme "${programme}"; use one of ${PROGRAMME_CODES.join(', ')}`, 'invalid');
    }
    return rules;
  }

  all(): ProgrammeRules[] {
    return [...this.programmes.values()];
  }
}
