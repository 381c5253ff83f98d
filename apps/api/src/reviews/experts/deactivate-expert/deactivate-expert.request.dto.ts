import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DeactivateExpertRequest {
  @ApiProperty({ example: '本年度不参加评审' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
