import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class RecordPolicyExtensionRequest {
  @ApiProperty({ example: '湘政发〔2028〕9号' })
  @IsString()
  @Length(1, 100)
  documentNo!: string;

  @ApiProperty({ example: '关于延长“人工智能+”支持措施有效期的通知' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: '2031-10-26', description: '延期后的截止日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'extendedTo 须为 YYYY-MM-DD' })
  extendedTo!: string;
}
