import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RecuseMyselfRequest {
  @ApiProperty({ example: '与申报单位存在合作关系' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
