import { Module } from '@nestjs/common';

/** Public notice, objections, awards, annexes, audit and calendar years. */
@Module({
  controllers: [],
  providers: [],
})
export class NoticeModule {}
