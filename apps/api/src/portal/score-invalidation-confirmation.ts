import type { Dossier } from '@app/domain/dossier';
import type { Selection } from '@app/domain/selection';
import type { Confirmation } from './admin-confirmations';
import { stageReviewersOf } from './stage-reviewers';

/**
 * 认定评分无效, shown before it is done. It is offered while review runs (the decider's rule: after
 * review closes the ranking is frozen, so an invalid score must be found before it is counted), and
 * the page never shows the points, only who scored and the comment the grounds are about. It lists
 * the running stage's scores (the panel's in a panel stage) and carries that stage to the command.
 */
export function scoreInvalidationConfirmation(
  selection: Selection,
  dossier: Dossier,
  expertId: string,
  reason: string,
  expertName: (expertId: string) => string,
): Confirmation & { readonly stage: number } {
  const { stage, stageName, minimum, reviewers } = stageReviewersOf(selection, dossier);
  const valid = reviewers.filter((reviewer) => reviewer.score !== undefined).length;
  const scored = reviewers.some((reviewer) => reviewer.expertId === expertId && reviewer.score !== undefined);
  const online = stage === 1;
  const nextReserve = dossier.draw?.reserves.find((id) => !dossier.assignments.some((assignment) => assignment.expertId === id));
  const refused =
    selection.phase !== 'expert-review'
      ? '只有在专家评审期间才能认定评分无效;评审结束后入围名单已确定。'
      : !scored
        ? `${expertName(expertId)} 在该项目${online ? '' : `的${stageName}中`}没有计入的评分,无需认定无效。`
        : undefined;
  const count = `有效评审意见将由 ${valid} 份变为 ${Math.max(valid - 1, 0)} 份`;
  const replacement = !online
    ? `该专家的评分不再计入${stageName};专家组不做补充分配,如有效评审意见不足,可将项目标记为无法评审并说明理由。`
    : dossier.draw
      ? `该专家不再评审此项目;空出的名额在评选页面“补充分配专家”时由备选专家按抽取顺序递补${nextReserve ? `(下一位:${expertName(nextReserve)})` : '(备选专家已用尽,将按均衡规则从专家库补充)'}。`
      : '该专家不再评审此项目;空出的名额可在评选页面“补充分配专家”。';
  const below = online
    ? `认定后有效评审意见少于 ${minimum} 份,须补充分配专家并待其评分后才能结束专家评审。`
    : `认定后${stageName}的有效评审意见少于 ${minimum} 份,须将该项目标记为无法评审并说明理由后才能结束专家评审。`;
  return {
    heading: '确认认定评分无效',
    stage,
    lines: [
      `《${dossier.title}》中 ${expertName(expertId)} 的评分将被认定无效,不再计入得分。理由:${reason}`,
      online ? `${count}(本评选要求不少于 ${minimum} 份)。` : `${stageName}的${count}(本阶段要求不少于 ${minimum} 份)。`,
      replacement,
      '认定记录(理由、时间、操作人)写入审计记录,不能撤销。',
    ],
    warnings: scored && valid - 1 < minimum ? [below] : [],
    ...(refused ? { refused } : {}),
    button: '确认认定评分无效',
  };
}
