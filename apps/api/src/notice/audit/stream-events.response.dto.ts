import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditActor {
  @ApiProperty({ example: 'admin' }) id!: string;
  @ApiProperty({ example: 'admin' }) role!: string;
}

export class AuditMetadata {
  @ApiPropertyOptional({ type: AuditActor }) actor?: AuditActor;
  @ApiPropertyOptional({ example: 'req-42', description: 'the X-Request-Id of the request that caused it' }) correlationId?: string;
  @ApiPropertyOptional({ description: 'shared by the events one command wrote' }) causationId?: string;
  @ApiPropertyOptional({ example: 'StartPublicNotice' }) command?: string;
  @ApiPropertyOptional({ example: '2026-09-29T01:00:00.000Z', description: "the command's time" }) occurredAt?: string;
}

export class AuditEvent {
  @ApiProperty({ example: '3' }) revision!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'PublicNoticeStarted' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
  @ApiProperty({ type: AuditMetadata }) metadata!: AuditMetadata;
  @ApiProperty({ example: '1234/5', description: 'global position' }) position!: string;
  @ApiProperty({ example: '2026-09-29T01:00:00.123Z', description: 'when the store wrote it' }) recordedAt!: string;
}

export class StreamEventsResponse {
  @ApiProperty({ example: 'selection-demo-scenario-2026' }) streamId!: string;
  @ApiProperty({ example: '7', description: 'the last revision of the stream' }) lastRevision!: string;
  @ApiProperty({ type: [AuditEvent] }) events!: AuditEvent[];
  @ApiPropertyOptional({ nullable: true, example: '100', description: 'pass as ?from= for the next page; null at the end' }) nextFrom!: string | null;
}
