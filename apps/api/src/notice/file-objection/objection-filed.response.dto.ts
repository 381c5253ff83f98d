import { ApiProperty } from '@nestjs/swagger';

export class ObjectionFiledResponse {
  @ApiProperty({ example: '5f0c2e9a-1c55-4d0e-9d0a-2b1f3f1e7a10', description: 'quote it in any follow-up' }) objectionId!: string;
}
