import { Module } from '@nestjs/common';
import { AdvanceSelectionController } from './advance-selection/advance-selection.controller';
import { AdvanceSelectionHandler } from './advance-selection/advance-selection.handler';
import { OpenSelectionController } from './open-selection/open-selection.controller';
import { OpenSelectionHandler } from './open-selection/open-selection.handler';
import { ReadSelectionsController } from './read-selections/read-selections.controller';

@Module({
  controllers: [OpenSelectionController, ReadSelectionsController, AdvanceSelectionController],
  providers: [OpenSelectionHandler, AdvanceSelectionHandler],
})
export class SelectionsModule {}
