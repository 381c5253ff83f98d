import { Controller, Get, Inject, NotFoundException, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@app/event-store';
import type { EventStore } from '@app/event-store';
import { voucherCallDecider, voucherCallStreamOf } from '@app/domain/funds';
import type { VoucherCallEvent } from '@app/domain/funds';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FundMeasures } from '../shared/measure-catalogue';
import { voucherCallView } from '../shared/voucher-call.response';

/** A year's 算力券 call folded from its stream: budget use, and per enterprise granted / issued / redeemed / remaining. */
@ApiTags('算力券 compute vouchers')
@ApiBearerAuth()
@Controller('api/v1/compute-vouchers/:year')
export class ReadVoucherCallController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly measures: FundMeasures,
  ) {}

  @Get()
  @Roles('admin', 'applicant')
  @ApiOperation({ summary: "The year's 算力券 call: budget, committed, and the balances per enterprise (an applicant sees only its own)" })
  @ApiOkResponse({ description: 'the call and the balances' })
  @ApiErrors(401, 403, 404)
  async read(@Param('year', ParseIntPipe) year: number, @Context() context: RequestContext) {
    const decider = voucherCallDecider(this.measures.catalogue.voucher, { window: this.measures.catalogue.validity, extensions: [] });
    const events = await this.store.readStream(voucherCallStreamOf(year));
    const state = events.reduce((current, event) => decider.evolve(current, { type: event.type, data: event.data } as VoucherCallEvent), decider.initialState());
    if (state.status !== 'open') throw new NotFoundException(`${year}年算力券申报尚未发布`);
    return voucherCallView(state, context.metadata.actor);
  }
}
