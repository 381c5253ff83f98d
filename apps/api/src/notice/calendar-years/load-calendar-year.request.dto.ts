import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

/** One year of the State Council's holiday notice; checked in full by parseCalendarYear. */
export class LoadCalendarYearRequest {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2200)
  year!: number;

  @ApiProperty({ type: [String], example: ['2027-01-01', '2027-01-02', '2027-01-03'], description: 'every day off, weekends inside a holiday block included' })
  @IsArray()
  @ArrayMaxSize(120)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each holiday must be a date as YYYY-MM-DD' })
  holidays!: string[];

  @ApiProperty({ type: [String], example: ['2027-02-20'], description: 'weekend days worked instead (调休上班)' })
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each make-up working day must be a date as YYYY-MM-DD' })
  makeUpWorkdays!: string[];

  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @MinLength(4)
  @MaxLength(300)
  source!: string;
}
