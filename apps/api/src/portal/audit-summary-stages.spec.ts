import { eventSummary, EVENT_NAMES } from './audit-summary';

const names = { expert: (id: string) => ({ e1: '李四', e2: '王五' })[id] ?? id, dossier: (id: string) => `《${id.toUpperCase()}》` };

describe('the audit page: review stages, panels and defences', () => {
  it('names the facts of stages, panels and defences in Chinese', () => {
    expect(['ReviewStageClosed', 'PanelFormed', 'PanelSeated', 'DefenceScheduled', 'DefenceAttendanceRecorded'].map((type) => EVENT_NAMES[type])).toEqual([
      '评审阶段结束',
      '组建会议评审专家组',
      '安排会议评审专家',
      '安排答辩',
      '记录答辩出席',
    ]);
  });

  it('summarises each in words with names', () => {
    const forwarded = [{ dossierId: 'a', tier: 't', aggregate: 90 }, { dossierId: 'b', tier: 't', aggregate: 85 }];
    expect(eventSummary('ReviewStageClosed', { stage: 1, stageCode: 'online', forwarded, notForwardedCount: 3, noShowWithdrawnIds: [] }, names)).toBe('第 1 阶段结束,进入下一阶段 2 项,未进入 3 项');
    expect(eventSummary('PanelFormed', { stage: 2, name: '会议评审专家组', expertIds: ['e1', 'e2'], recusedSeats: 1 }, names)).toBe('第 2 阶段 会议评审专家组:李四、王五;按项目回避 1 人次');
    expect(eventSummary('PanelSeated', { stage: 2, panelName: '会议评审专家组', expertIds: ['e1'], recused: [{ expertId: 'e2', reason: '申报单位申请回避' }] }, names)).toBe('会议评审专家组:李四;回避:王五(申报单位申请回避)');
    expect(eventSummary('DefenceScheduled', { stage: 2, slot: { date: '2026-04-27', startTime: '14:00', place: '3 楼会议室', link: null, order: 2 } }, names)).toBe('2026年4月27日 14:00,第 2 位,3 楼会议室');
    expect(eventSummary('DefenceScheduled', { stage: 2, slot: { date: '2026-04-27', startTime: '09:00', place: null, link: 'https://m.example.cn/1', order: 1 } }, names)).toBe('2026年4月27日 09:00,第 1 位,https://m.example.cn/1');
    expect(eventSummary('DefenceAttendanceRecorded', { stage: 2, attended: false, note: '未到场' }, names)).toBe('未出席;未到场');
    expect(eventSummary('DefenceAttendanceRecorded', { stage: 2, attended: true, note: null }, names)).toBe('出席');
    expect(eventSummary('ScoreSubmitted', { expertId: 'e1', total: 91, stage: 2 }, names)).toBe('李四 总分 91(第 2 阶段)');
    expect(eventSummary('ScoreSubmitted', { expertId: 'e1', total: 82 }, names)).toBe('李四 总分 82');
  });
});
