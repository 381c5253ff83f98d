import type { CommandContext } from '@app/platform';
import type { DefenceAttendanceRequest, DefenceSlotRequest } from './defence.request.dto';

export type DefenceAction = { readonly kind: 'schedule'; readonly slot: DefenceSlotRequest } | { readonly kind: 'attendance'; readonly attendance: DefenceAttendanceRequest };

export class DefenceCommand {
  constructor(
    readonly dossierId: string,
    readonly action: DefenceAction,
    readonly context: CommandContext,
  ) {}
}
