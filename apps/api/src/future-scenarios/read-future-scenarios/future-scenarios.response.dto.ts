import { ApiProperty } from '@nestjs/swagger';
import type { PublishedFutureScenarios } from '@app/domain/future-scenarios';

export class FutureScenarioResponse {
  @ApiProperty({ example: '人工智能驱动的基础研究新范式' })
  title!: string;

  @ApiProperty({ example: '为加快建设科学研究高地……' })
  description!: string;
}

export class FutureScenariosResponse {
  @ApiProperty({ example: 2025 })
  year!: number;

  @ApiProperty({ example: 1, description: 'the publication this is; earlier versions stay in the stream (audit)' })
  version!: number;

  @ApiProperty({ example: '2025-10-27T02:00:00.000Z' })
  publishedAt!: string;

  @ApiProperty({ type: [FutureScenarioResponse] })
  scenarios!: FutureScenarioResponse[];
}

export function futureScenariosResponseOf(published: PublishedFutureScenarios): FutureScenariosResponse {
  return {
    year: published.year,
    version: published.version,
    publishedAt: published.publishedAt,
    scenarios: published.scenarios.map(({ title, description }) => ({ title, description })),
  };
}
