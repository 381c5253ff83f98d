import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Response } from 'express';
import { formatPosition } from '@app/event-store';
import type { UnitOfWorkResult } from '@app/platform';

/** What a command answers: the resource it acted on and the new revision of its stream (also the ETag). */
export class CommandAccepted {
  @ApiProperty({ example: 'demo-scenario-2026' })
  id!: string;

  @ApiProperty({ example: '3', description: 'the stream revision after the command; send it back as If-Match' })
  revision!: string;

  @ApiPropertyOptional({ example: '1234/56', description: 'global position of the last event written' })
  position?: string;
}

export function commandAccepted(response: Response, id: string, streamId: string, result: UnitOfWorkResult<unknown>): CommandAccepted {
  const revision = result.revisions.get(streamId);
  if (revision !== undefined) response.setHeader('ETag', `"${revision}"`);
  return {
    id,
    revision: revision === undefined ? '' : revision.toString(),
    ...(result.position ? { position: formatPosition(result.position) } : {}),
  };
}

/** Sets the ETag of a resource read from its stream. */
export function withEtag<T>(response: Response, revision: bigint, body: T): T {
  response.setHeader('ETag', `"${revision}"`);
  return body;
}
