import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { selectionDecider, selectionStreamOf } from '@app/domain/selection';
import type { NoticePeriod } from '@app/domain/selection';
import type { UnitOfWorkResult } from '@app/platform';
import { CommandRunner } from '../../workflow/command-runner';
import { StreamDirectory } from '../../workflow/stream-directory';
import { NoticeReads } from '../shared/notice-reads';
import { StartNoticeCommand } from './start-notice.command';

/** 公示 on the working-day calendar as known now: the seed years plus the ones an admin loaded. */
@CommandHandler(StartNoticeCommand)
export class StartNoticeHandler implements ICommandHandler<StartNoticeCommand, UnitOfWorkResult<NoticePeriod>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: StreamDirectory,
    private readonly reads: NoticeReads,
  ) {}

  async execute({ selectionId, startsOn, context }: StartNoticeCommand): Promise<UnitOfWorkResult<NoticePeriod>> {
    const stream = selectionStreamOf(selectionId);
    await this.directory.selection(selectionId); // 404 before anything else
    const calendarYears = (await this.reads.calendarYears()).map(({ year }) => year);
    return this.runner.run('StartPublicNotice', context, async (unit) => {
      const { state } = await unit.decide(stream, selectionDecider, {
        type: 'StartPublicNotice',
        data: { calendarYears, ...(startsOn ? { startsOn } : {}) },
        metadata: context.metadata,
      });
      return (state as { notice: NoticePeriod }).notice;
    }, { stream });
  }
}
