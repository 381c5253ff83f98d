import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { effectiveUntil, POLICY_VALIDITY_STREAM, policyValidityDecider } from '@app/domain/funds';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { commandAccepted } from '../../http/command-response';
import { CommandRunner } from '../../workflow/command-runner';
import { FundMeasures } from '../shared/measure-catalogue';
import { RecordPolicyExtensionRequest } from './record-policy-extension.request.dto';

@ApiTags('资金台账 fund ledger')
@ApiBearerAuth()
@Controller('api/v1/funds/policy-extensions')
export class RecordPolicyExtensionController {
  constructor(
    private readonly runner: CommandRunner,
    private readonly measures: FundMeasures,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Record the document that extends the measures beyond 2028-10-26 (admin)' })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 409)
  async record(@Body() body: RecordPolicyExtensionRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const decider = policyValidityDecider(this.measures.catalogue.validity);
    const result = await this.runner.run(
      'RecordPolicyExtension',
      context,
      async (unit) => (await unit.decide(POLICY_VALIDITY_STREAM, decider, { type: 'RecordPolicyExtension', data: { ...body }, metadata: context.metadata })).state,
      { stream: POLICY_VALIDITY_STREAM },
    );
    return { ...commandAccepted(response, POLICY_VALIDITY_STREAM, POLICY_VALIDITY_STREAM, result), validUntil: effectiveUntil(result.value) };
  }
}
