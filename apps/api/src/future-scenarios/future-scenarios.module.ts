import { Module } from '@nestjs/common';
import { PublishFutureScenariosController } from './publish-future-scenarios/publish-future-scenarios.controller';
import { PublishFutureScenariosHandler } from './publish-future-scenarios/publish-future-scenarios.handler';
import { FutureScenariosReads } from './read-future-scenarios/future-scenarios-reads';
import { ReadFutureScenariosController } from './read-future-scenarios/read-future-scenarios.controller';

/** 附件3 十大未来场景: a versioned list administrators publish, not a selection. */
@Module({
  controllers: [PublishFutureScenariosController, ReadFutureScenariosController],
  providers: [PublishFutureScenariosHandler, FutureScenariosReads],
})
export class FutureScenariosModule {}
