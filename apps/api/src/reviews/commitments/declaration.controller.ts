import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { declarationOf } from '@app/domain/commitments';
import { Roles } from '../../auth/access.decorators';
import { Context, RequestContext } from '../../auth/request-context';
import { ApiErrors } from '../../http/api-errors.decorator';
import { StreamDirectory } from '../../workflow/stream-directory';
import { SignDeclarationCommand } from './sign-declaration.command';
import { DeclarationResponse, SignatureResponse, SignDeclarationRequest } from './sign-declaration.request.dto';

/** 保密承诺、回避声明: the text of a selection, and the expert's signature before he reads any dossier. */
@ApiTags('专家评审 reviews')
@ApiBearerAuth()
@Controller('api/v1/selections/:selectionId/declaration')
export class DeclarationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: StreamDirectory,
  ) {}

  @Get()
  @Roles('expert', 'admin')
  @ApiOperation({ summary: "The selection's declaration text and version, and the signed-in expert's signature" })
  @ApiOkResponse({ type: DeclarationResponse })
  @ApiErrors(401, 403, 404)
  async read(@Param('selectionId') selectionId: string, @Context() context: RequestContext): Promise<DeclarationResponse> {
    const { value: selection } = await this.directory.selection(selectionId);
    const text = declarationOf(selection.rules);
    const { expertId } = context.metadata.actor;
    const signed = expertId && context.metadata.actor.role === 'expert' ? await this.directory.signature(selectionId, expertId) : null;
    return {
      selectionId,
      version: text.version,
      paragraphs: [...text.paragraphs],
      signature: signed ? { version: signed.version, signedAt: signed.signedAt } : null,
    };
  }

  @Post('signature')
  @Roles('expert')
  @ApiOperation({ summary: 'Sign the declaration (once per selection, during expert review); needed before any dossier read or score' })
  @ApiCreatedResponse({ type: SignatureResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  async sign(@Param('selectionId') selectionId: string, @Body() body: SignDeclarationRequest, @Context() context: RequestContext): Promise<SignatureResponse> {
    await this.commands.execute(new SignDeclarationCommand(selectionId, body.version, context));
    const signed = await this.directory.signature(selectionId, context.metadata.actor.expertId ?? '');
    return { version: signed?.version ?? body.version, signedAt: signed?.signedAt ?? '' };
  }
}
