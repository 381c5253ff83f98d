import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChainHeadResponse {
  @ApiProperty({ example: 1842, description: "the commit's place in the global chain" }) seq!: number;
  @ApiProperty({ example: '1234/5678', description: "global position of the commit's last event" }) position!: string;
  @ApiProperty({ example: '9f2c…', description: 'hex SHA-256 of the chain after this commit' }) chainHash!: string;
  @ApiProperty({ example: '2026-06-01T04:00:00.000Z' }) anchoredAt!: string;
}

export class DailyHeadResponse {
  @ApiProperty({ example: '2026-06-01', description: 'the day in Beijing time' }) day!: string;
  @ApiProperty({ type: ChainHeadResponse, description: 'the last head anchored that day' }) head!: ChainHeadResponse;
}

export class LastVerificationResponse {
  @ApiProperty() checkedAt!: string;
  @ApiProperty() intact!: boolean;
  @ApiProperty() events!: number;
}

export class PublishedHeadsResponse {
  @ApiPropertyOptional({ type: ChainHeadResponse, nullable: true }) head!: ChainHeadResponse | null;
  @ApiProperty({ type: [DailyHeadResponse], description: 'newest first, the last 14 days that had commits' }) daily!: DailyHeadResponse[];
  @ApiPropertyOptional({ type: LastVerificationResponse, nullable: true }) lastVerification!: LastVerificationResponse | null;
}

export class ChainBreakResponse {
  @ApiProperty({
    enum: ['event-hash-mismatch', 'revision-gap', 'stream-head-mismatch', 'commit-hash-mismatch', 'chain-hash-mismatch', 'commit-not-anchored'],
  })
  kind!: string;
  @ApiPropertyOptional({ nullable: true, example: '1234/5678' }) position!: string | null;
  @ApiPropertyOptional({ nullable: true }) streamId!: string | null;
  @ApiPropertyOptional({ nullable: true }) revision!: number | null;
  @ApiPropertyOptional({ nullable: true }) eventId!: string | null;
  @ApiPropertyOptional({ nullable: true }) type!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'the anchored commit (commit kinds)' }) seq!: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'what the table holds' }) stored!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'what recomputing gives' }) recomputed!: string | null;
}

export class ChainVerificationResponse {
  @ApiProperty() intact!: boolean;
  @ApiProperty() checkedAt!: string;
  @ApiProperty() events!: number;
  @ApiProperty() streams!: number;
  @ApiProperty({ description: 'anchored commits checked' }) commits!: number;
  @ApiProperty({ description: 'commits after the head, held back by an older transaction still running; their streams are checked' }) unanchoredCommits!: number;
  @ApiPropertyOptional({ type: ChainHeadResponse, nullable: true }) head!: ChainHeadResponse | null;
  @ApiPropertyOptional({ type: ChainBreakResponse, nullable: true, description: 'the earliest break in global order' }) firstBreak!: ChainBreakResponse | null;
  @ApiProperty({ description: 'events whose recomputed hash differs (an edited one and those chained after it)' }) brokenEvents!: number;
  @ApiProperty() durationMs!: number;
  @ApiProperty() eventsPerSecond!: number;
}
