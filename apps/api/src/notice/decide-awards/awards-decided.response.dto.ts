import { ApiProperty } from '@nestjs/swagger';
import { CommandAccepted } from '../../http/command-response';

export class AwardsDecidedResponse extends CommandAccepted {
  @ApiProperty({ example: 10 }) awarded!: number;
  @ApiProperty({ example: 5 }) notAwarded!: number;
  @ApiProperty({ example: 1500000000, description: 'total paid, in fen' }) totalPaidFen!: number;
}
