import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Why a score is invalid, or why a dossier cannot be evaluated: recorded and shown in the audit. */
export class ValidReviewReasonRequest {
  @ApiProperty({ example: '评审意见缺失,与所给分数矛盾' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
