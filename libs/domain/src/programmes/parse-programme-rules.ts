import { refuse } from '../shared/refusal';
import { ProblemList } from './json-reader';
import { ProgrammeRules } from './programme.types';
import { readRules } from './read-rules';

/**
 * Validates a programme's rules as read from seeds/programmes/{code}.json (the application reads the
 * file; the domain only checks it). Every problem is reported at once, each with its path.
 */
export function parseProgrammeRules(json: unknown): ProgrammeRules {
  const problems: ProblemList = [];
  const rules = readRules(json, 'programme', problems);
  if (problems.length > 0) {
    const which = rules.code && problems.every((problem) => !problem.startsWith('code ')) ? ` for ${rules.code}` : '';
    throw refuse(
      'invalid-programme-rules',
      `the programme rules${which} are not valid: ${problems.join('; ')}`,
      'invalid',
      { problems },
    );
  }
  return rules;
}
