import { ApiProperty } from '@nestjs/swagger';

export class ReplayedDrawResponse {
  @ApiProperty({ type: [String] })
  drawn!: string[];

  @ApiProperty({ type: [String] })
  reserves!: string[];
}

export class CalledReserveResponse {
  @ApiProperty({ example: 'e5c1d0b7a2f94e33' })
  expertId!: string;

  @ApiProperty({ example: 0, description: 'place in the record (0 first)' })
  reserveIndex!: number;
}

/** One dossier's recorded draw (ExpertsDrawn) and what replaying it from the event gives. */
export class DrawVerificationResponse {
  @ApiProperty({ example: 'demo-scenario-2026-a1b2c3d4' })
  dossierId!: string;

  @ApiProperty({ example: '3f9c0a7d2b4e6f18/demo-scenario-2026-a1b2c3d4' })
  seed!: string;

  @ApiProperty({ type: [String], description: 'the eligible experts in the order the draw starts from' })
  candidates!: string[];

  @ApiProperty({ type: [String] })
  drawn!: string[];

  @ApiProperty({ type: [String], description: '备选专家 in the order they step in' })
  reserves!: string[];

  @ApiProperty({ example: '2026-04-20T02:00:00.000Z' })
  drawnAt!: string;

  @ApiProperty({ type: ReplayedDrawResponse, description: 'the drawn experts and reserves the seed and candidates give again' })
  replayed!: ReplayedDrawResponse;

  @ApiProperty({ description: 'the replay gives exactly the recorded experts and reserves' })
  reproduces!: boolean;

  @ApiProperty({ type: [CalledReserveResponse] })
  reservesCalled!: CalledReserveResponse[];

  @ApiProperty({ description: 'every drawn expert was assigned, and every reserve at his recorded place' })
  assignmentsFollowRecord!: boolean;
}

export class SelectionDrawsResponse {
  @ApiProperty({ example: 'demo-scenario-2026' })
  selectionId!: string;

  @ApiProperty({ example: 12, description: 'dossiers whose experts were drawn' })
  drawnDossiers!: number;

  @ApiProperty({ description: 'every recorded draw replays to its experts and the assignments follow the records' })
  allReproduce!: boolean;

  @ApiProperty({ type: [DrawVerificationResponse] })
  dossiers!: DrawVerificationResponse[];
}
