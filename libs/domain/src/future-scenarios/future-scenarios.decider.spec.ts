import { asAdmin, asApplicant, asPublic, creditCode, NOW } from '../selection/actors.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { foldEvents } from '../shared/decider';
// Through the module's public surface, as the application uses it.
import { FutureScenariosCommand, futureScenariosDecider, FutureScenariosEvent, futureScenariosStreamOf, MAX_FUTURE_SCENARIOS } from '.';

const given = givenWhenThen(futureScenariosDecider);
const brain = { title: '人工智能驱动的基础研究新范式', description: '围绕脑科学、量子科技等前沿领域……' };
const factory = { title: '未来工厂', description: '全流程自主决策的生产线。 ' };

function publish(scenarios: FutureScenariosCommand['data']['scenarios'], year = 2025, metadata = asAdmin()): FutureScenariosCommand {
  return { type: 'PublishFutureScenarios', data: { year, scenarios }, metadata };
}

const firstVersion: FutureScenariosEvent = {
  type: 'FutureScenariosPublished',
  data: { year: 2025, version: 1, scenarios: [brain], publishedAt: NOW },
};

describe('publishing the future scenarios (附件3 十大未来场景)', () => {
  it('lives in a stream of its year', () => {
    expect(futureScenariosStreamOf(2025)).toBe('future-scenarios-2025');
  });

  it('given nothing, an administrator publishes version 1, the texts kept exactly as written', () => {
    given([]).when(publish([brain, factory])).then([
      { type: 'FutureScenariosPublished', data: { year: 2025, version: 1, scenarios: [brain, factory], publishedAt: NOW } },
    ]);
  });

  it('given a published list, publishing again appends the next version and the state holds the newest', () => {
    const later = '2025-11-01T02:00:00.000Z';
    const [second] = given([firstVersion]).when(publish([brain, factory], 2025, asAdmin(later))).then([
      { type: 'FutureScenariosPublished', data: { year: 2025, version: 2, scenarios: [brain, factory], publishedAt: later } },
    ]);
    expect(foldEvents(futureScenariosDecider, [firstVersion, second])).toEqual({
      status: 'published',
      year: 2025,
      version: 2,
      scenarios: [brain, factory],
      publishedAt: later,
    });
  });

  it('refuses a version that changes nothing', () => {
    given([firstVersion]).when(publish([{ ...brain }])).thenRefused('future-scenarios-unchanged', 'version 1');
  });

  it('refuses another year on this stream', () => {
    given([firstVersion]).when(publish([factory], 2026)).thenRefused('wrong-year', 'list of 2025');
  });

  it.each([
    ['an applicant', asApplicant(creditCode(1))],
    ['the public', asPublic()],
  ])('refuses %s: only an administrator publishes', (_who, metadata) => {
    given([]).when(publish([brain], 2025, metadata)).thenRefused('forbidden');
  });

  it.each([
    ['no scenario', [], 'future-scenarios-missing'],
    ['too many', Array.from({ length: MAX_FUTURE_SCENARIOS + 1 }, (_, index) => ({ title: `场景${index}`, description: '描述' })), 'future-scenarios-too-many'],
    ['a blank title', [{ title: '  ', description: '描述' }], 'text-missing'],
    ['a missing description', [{ title: '场景' } as never], 'text-missing'],
    ['an overlong title', [{ title: '长'.repeat(101), description: '描述' }], 'text-too-long'],
    ['a title twice', [brain, { ...brain, description: '另一段' }], 'future-scenario-repeated'],
  ] as const)('refuses %s', (_case, scenarios, code) => {
    given([]).when(publish(scenarios as never)).thenRefused(code);
  });

  it.each([1999, 2101, 2025.5])('refuses the year %s', (year) => {
    given([]).when(publish([brain], year)).thenRefused('invalid-year');
  });
});
