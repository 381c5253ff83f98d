import { ApiProperty } from '@nestjs/swagger';
import { CommandAccepted } from '../../http/command-response';

export class NoticeWindow {
  @ApiProperty({ example: '2026-09-29' }) startsOn!: string;
  @ApiProperty({ example: '2026-10-10', description: 'the notice runs to the end of this day, Beijing time' }) endsOn!: string;
  @ApiProperty({ example: 5 }) workingDays!: number;
  @ApiProperty({ example: '2026-09-28T16:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ example: '2026-10-10T15:59:59.999Z' }) endsAt!: string;
}

export class NoticeStarted extends CommandAccepted {
  @ApiProperty({ type: NoticeWindow }) window!: NoticeWindow;
}
