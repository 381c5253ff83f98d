import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MAX_FUTURE_SCENARIOS } from '@app/domain/future-scenarios';

export class FutureScenarioRequest {
  @ApiProperty({ example: '人工智能驱动的基础研究新范式', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title!: string;

  @ApiProperty({ example: '为加快建设科学研究高地,围绕脑科学、神经康复、量子科技、基因编辑等前沿领域……', maxLength: 3000, description: '场景描述, kept exactly as written' })
  @IsString()
  @MinLength(1)
  @MaxLength(3000)
  description!: string;
}

export class PublishFutureScenariosRequest {
  @ApiProperty({ type: [FutureScenarioRequest], description: `the whole list, in its published order (1 to ${MAX_FUTURE_SCENARIOS})` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FUTURE_SCENARIOS)
  @ValidateNested({ each: true })
  @Type(() => FutureScenarioRequest)
  scenarios!: FutureScenarioRequest[];
}
