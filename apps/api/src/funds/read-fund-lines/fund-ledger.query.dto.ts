import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { FUND_MEASURE_ORDER } from '@app/domain/funds';

export class FundLedgerQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year 须为四位年份' })
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: FUND_MEASURE_ORDER })
  @IsOptional()
  @IsIn(FUND_MEASURE_ORDER, { message: `measure 须为 ${FUND_MEASURE_ORDER.join('、')} 之一` })
  measure?: string;

  @ApiPropertyOptional({ example: '91430100MA4L16JQ0H' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z]{18}$/, { message: 'creditCode 须为 18 位统一社会信用代码' })
  creditCode?: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'] })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: string;
}
