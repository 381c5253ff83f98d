import { ApiProperty } from '@nestjs/swagger';
import type { RegisteredExpert } from '@app/domain/expert';

export class DeclaredConflictResponse {
  @ApiProperty({ example: '91430100MA4L16JQ2X' })
  creditCode!: string;

  @ApiProperty({ example: '近三年曾任职' })
  reason!: string;

  @ApiProperty({ example: '2026-03-02T01:00:00.000Z' })
  declaredAt!: string;
}

export class ExpertResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: '李明' })
  name!: string;

  @ApiProperty({ example: '中南大学' })
  organisationName!: string;

  @ApiProperty({ example: '12430000444885064T' })
  organisationCreditCode!: string;

  @ApiProperty({ example: ['AI+离散型制造'] })
  fields!: string[];

  @ApiProperty({ enum: ['active', 'inactive'] })
  status!: 'active' | 'inactive';

  @ApiProperty({ type: [DeclaredConflictResponse] })
  conflicts!: DeclaredConflictResponse[];
}

export function expertResponseOf(expert: RegisteredExpert): ExpertResponse {
  return {
    expertId: expert.expertId,
    name: expert.name,
    organisationName: expert.organisationName,
    organisationCreditCode: expert.organisationCreditCode,
    fields: [...expert.fields],
    status: expert.status,
    conflicts: expert.conflicts.map((conflict) => ({ ...conflict })),
  };
}
