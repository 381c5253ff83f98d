import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

/** 答辩(现场考察)安排: checked again by the domain (a real date not before today, a place or a link). */
export class DefenceSlotRequest {
  @ApiProperty({ example: '2026-04-27', description: 'Beijing date' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date!: string;

  @ApiProperty({ example: '14:00', description: 'HH:MM, Beijing time' })
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  startTime!: string;

  @ApiPropertyOptional({ example: '湖南省工业和信息化厅 3 楼会议室', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  place?: string | null;

  @ApiPropertyOptional({ example: 'https://meeting.example.cn/room/2', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  link?: string | null;

  @ApiProperty({ example: 3, description: 'place in the day\'s order of defences' })
  @IsInt()
  @Min(1)
  @Max(999)
  order!: number;
}

export class DefenceAttendanceRequest {
  @ApiProperty({ example: true, description: 'false: the applicant did not come; the call says what that means' })
  @IsBoolean()
  attended!: boolean;

  @ApiPropertyOptional({ example: '申报单位负责人到场答辩', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string | null;
}
