import { Body, ConflictException, Controller, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertCreditCode } from '@app/domain/credit-code';
import { ErrorBody } from '../../http/error-body';
import { Public } from '../access.decorators';
import { AccountsService } from '../accounts.service';
import { Organisation } from '../organisation.entity';
import { RegisterOrganisationRequest, RegisterOrganisationResponse } from './register-organisation.request.dto';

@ApiTags('账户 accounts')
@Controller('api/v1/organisations')
export class RegisterOrganisationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'An applicant organisation registers itself and its first user' })
  @ApiCreatedResponse({ type: RegisterOrganisationResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'invalid fields, or a credit code whose check digit is wrong' })
  @ApiConflictResponse({ type: ErrorBody, description: 'the organisation or the username is already registered' })
  async register(@Body() body: RegisterOrganisationRequest): Promise<RegisterOrganisationResponse> {
    const creditCode = assertCreditCode(body.creditCode);
    return this.dataSource.transaction(async (manager) => {
      const organisations = manager.getRepository(Organisation);
      if (await organisations.existsBy({ creditCode })) {
        throw new ConflictException(`the organisation ${creditCode} is already registered; ask its users to add you, or sign in`);
      }
      await organisations.save(
        organisations.create({ creditCode, name: body.name, contactName: body.contactName, contactPhone: body.contactPhone }),
      );
      await this.accounts.create(
        { username: body.username, password: body.password, role: 'applicant', displayName: body.name, organisationCreditCode: creditCode },
        manager,
      );
      return { creditCode, name: body.name, username: body.username };
    });
  }
}
