import { Body, Controller, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { refuse } from '@app/domain/shared/refusal';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { NationalGrantCommands } from '../shared/national-grant-commands';
import { nationalGrantAnswer } from '../shared/national-grant.response';
import { DecideGrantInstalmentRequest, DecideNationalGrantRequest } from './decide-national-grant.request.dto';

const declarationsOf = (body: { identityDeclarations?: { dossierId: string; otherDossierId: string; sameProject: boolean }[] }) =>
  (body.identityDeclarations ?? []).map(({ dossierId, otherDossierId, sameProject }) => ({ dossierId, otherDossierId, sameProject }));

@ApiTags('国家级认定支持 national grants')
@ApiBearerAuth()
@Controller('api/v1/national-grants/:applicationId')
export class DecideNationalGrantController {
  constructor(private readonly grants: NationalGrantCommands) {}

  @Post('decision')
  @Roles('admin')
  @ApiOperation({
    summary: 'Approve (platform: the three-year schedule; champion: the one-off award, at most 100 万元, under 不重复享受) or reject with a reason (admin)',
  })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 404, 409)
  async decide(@Param('applicationId') applicationId: string, @Body() body: DecideNationalGrantRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const identityDeclarations = declarationsOf(body);
    const result =
      body.outcome === 'reject'
        ? await this.grants.run('RejectNationalGrant', applicationId, context, () => ({ type: 'RejectNationalGrant', data: { reason: body.reason! }, metadata: context.metadata }))
        : await this.grants.run(body.amountFen === undefined ? 'ApproveNationalPlatformGrant' : 'AwardNationalChampion', applicationId, context, (state, ledger) => {
            if (state.status !== 'none' && state.measure === 'national-champion') {
              if (body.amountFen === undefined) throw refuse('amount-required', '国家级单项冠军企业奖励须填写奖励金额 amountFen(分,不超过 100 万元)', 'invalid');
              return { type: 'AwardNationalChampion', data: { ledger, amountFen: body.amountFen, identityDeclarations }, metadata: context.metadata };
            }
            return { type: 'ApproveNationalPlatformGrant', data: { ledger, identityDeclarations }, metadata: context.metadata };
          });
    return nationalGrantAnswer(response, applicationId, result);
  }

  @Post('instalments/:instalment')
  @Roles('admin')
  @ApiOperation({ summary: "Decide a year's instalment of a platform grant: pay (what 就高 leaves) or suspend with a reason (admin)" })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 404, 409)
  async instalment(
    @Param('applicationId') applicationId: string,
    @Param('instalment', ParseIntPipe) instalment: number,
    @Body() body: DecideGrantInstalmentRequest,
    @Context() context: RequestContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.grants.run('DecideGrantInstalment', applicationId, context, (_state, ledger) => ({
      type: 'DecideGrantInstalment',
      data: { ledger, instalment, outcome: body.outcome, ...(body.reason ? { reason: body.reason } : {}), identityDeclarations: declarationsOf(body) },
      metadata: context.metadata,
    }));
    return nationalGrantAnswer(response, applicationId, result);
  }
}
