import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from '../auth/organisation.entity';
import { UploadsModule } from '../dossiers/attachments/uploads.module';
import { AnnexController } from './annex/annex.controller';
import { StreamEventsController } from './audit/stream-events.controller';
import { CalendarYearsController } from './calendar-years/calendar-years.controller';
import { LoadCalendarYearHandler } from './calendar-years/load-calendar-year.handler';
import { DecideAwardsController } from './decide-awards/decide-awards.controller';
import { DecideAwardsHandler } from './decide-awards/decide-awards.handler';
import { FileObjectionController } from './file-objection/file-objection.controller';
import { FileObjectionHandler } from './file-objection/file-objection.handler';
import { PublishAwardsController } from './publish-awards/publish-awards.controller';
import { PublishAwardsHandler } from './publish-awards/publish-awards.handler';
import { ReadAwardsController } from './read-awards/read-awards.controller';
import { ReadNoticeController } from './read-notice/read-notice.controller';
import { ReadObjectionsController } from './read-objections/read-objections.controller';
import { ResolveObjectionController } from './resolve-objection/resolve-objection.controller';
import { ResolveObjectionHandler } from './resolve-objection/resolve-objection.handler';
import { NoticeReads } from './shared/notice-reads';
import { StartNoticeController } from './start-notice/start-notice.controller';
import { StartNoticeHandler } from './start-notice/start-notice.handler';

/** Public notice, objections, awards, annexes, audit and calendar years. */
@Module({
  imports: [TypeOrmModule.forFeature([Organisation]), UploadsModule],
  controllers: [
    CalendarYearsController,
    StartNoticeController,
    ReadNoticeController,
    FileObjectionController,
    ReadObjectionsController,
    ResolveObjectionController,
    PublishAwardsController,
    DecideAwardsController,
    ReadAwardsController,
    AnnexController,
    StreamEventsController,
  ],
  providers: [
    NoticeReads,
    LoadCalendarYearHandler,
    StartNoticeHandler,
    FileObjectionHandler,
    ResolveObjectionHandler,
    DecideAwardsHandler,
    PublishAwardsHandler,
  ],
})
export class NoticeModule {}
