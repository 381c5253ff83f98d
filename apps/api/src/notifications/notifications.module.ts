import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organisation } from '../auth/organisation.entity';
import { NoticeReads } from '../notice/shared/notice-reads';
import { WorkflowModule } from '../workflow/workflow.module';
import { NotificationDelivery } from './delivery/notification-delivery';
import { PortalViews } from '../portal/portal-views';
import { InboxController } from './inbox/inbox.controller';
import { InboxPagesController } from './inbox/inbox-pages.controller';
import { InboxReads } from './inbox/inbox-reads';
import { ReminderScheduler } from './reminders/reminder-scheduler';

/** The outbox's other half: mail delivery, the inbox and its address, the time-based reminders. */
@Module({
  imports: [WorkflowModule, TypeOrmModule.forFeature([Organisation])],
  providers: [NotificationDelivery, InboxReads, ReminderScheduler, NoticeReads, PortalViews],
  controllers: [InboxController, InboxPagesController],
  exports: [InboxReads, NotificationDelivery, ReminderScheduler],
})
export class NotificationsModule {}
