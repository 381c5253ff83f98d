import { Body, Controller, ForbiddenException, Post, Res } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Repository } from 'typeorm';
import type { DeclaredSupport } from '@app/domain/funds';
import { Roles } from '../../auth/access.decorators';
import { Organisation } from '../../auth/organisation.entity';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { FundDocumentStore } from '../fund-documents/fund-document-store';
import { NationalGrantCommands } from '../shared/national-grant-commands';
import { nationalGrantAnswer } from '../shared/national-grant.response';
import { ApplyNationalGrantRequest } from './apply-national-grant.request.dto';

@ApiTags('国家级认定支持 national grants')
@ApiBearerAuth()
@Controller('api/v1/national-grants')
export class ApplyNationalGrantController {
  constructor(
    private readonly grants: NationalGrantCommands,
    private readonly documents: FundDocumentStore,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  @Post()
  @Roles('applicant')
  @ApiOperation({ summary: 'Apply for 新获批国家级科技创新平台 or 国家级单项冠军企业 support with the approval document and any other provincial support of the project (applicant)' })
  @ApiCreatedResponse({ description: 'the id and new revision of the stream (ETag), and the resulting state' })
  @ApiErrors(400, 401, 403, 409)
  async apply(@Body() body: ApplyNationalGrantRequest, @Context() context: RequestContext, @Res({ passthrough: true }) response: Response) {
    const creditCode = context.metadata.actor.organisationCreditCode;
    const organisation = creditCode ? await this.organisations.findOneBy({ creditCode }) : null;
    if (!creditCode || !organisation) throw new ForbiddenException('该账号未关联申报单位,不能提交申请');
    const { documentId, ...approval } = body.approvalDocument;
    const approvalDocument = { ...approval, file: await this.documents.resolve(creditCode, documentId, 'approvalDocument.documentId') };
    const declaredSupport: DeclaredSupport[] = [];
    for (const [index, { documentId: supportDocumentId, ...item }] of (body.declaredSupport ?? []).entries()) {
      declaredSupport.push({ ...item, file: await this.documents.resolve(creditCode, supportDocumentId, `declaredSupport[${index}].documentId`) });
    }
    const result = await this.grants.run('ApplyForNationalGrant', body.applicationId, context, () => ({
      type: 'ApplyForNationalGrant',
      data: {
        applicationId: body.applicationId,
        measure: body.measure,
        creditCode,
        organisationName: organisation.name,
        project: { projectCode: body.project.projectCode ?? null, title: body.project.title },
        approvalDocument,
        declaredSupport,
      },
      metadata: context.metadata,
    }));
    response.setHeader('Location', `/api/v1/national-grants/${body.applicationId}`);
    return nationalGrantAnswer(response, body.applicationId, result);
  }
}
