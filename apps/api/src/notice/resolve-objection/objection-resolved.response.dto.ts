import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandAccepted } from '../../http/command-response';

export class ObjectionResolvedResponse extends CommandAccepted {
  @ApiProperty() dossierId!: string;
  @ApiProperty({ example: 'demo-scenario-2026' }) selectionId!: string;
  @ApiProperty({ enum: ['upheld', 'dismissed'] }) outcome!: string;
  @ApiPropertyOptional({ nullable: true, description: 'the reserve that moved up (递补), when upheld' }) promotedDossierId!: string | null;
}
