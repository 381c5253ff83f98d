import { Body, ConflictException, Controller, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertCreditCode } from '@app/domain/credit-code';
import { ErrorBody } from '../../http/error-body';
import { Public } from '../access.decorators';
import { AccountsService } from '../accounts.service';
import { clientAddress } from '../login/login.controller';
import { SignInThrottle } from '../sign-in-throttle';
import { Organisation } from '../organisation.entity';
import { RegisterOrganisationRequest, RegisterOrganisationResponse } from './register-organisation.request.dto';

@ApiTags('账户 accounts')
@Controller('api/v1/organisations')
export class RegisterOrganisationController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly throttle: SignInThrottle,
  ) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'An applicant organisation registers itself and its first user' })
  @ApiCreatedResponse({ type: RegisterOrganisationResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'invalid fields, or a credit code whose check digit is wrong' })
  @ApiConflictResponse({ type: ErrorBody, description: 'the organisation or the username is already registered' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'too many registrations from this address (REGISTRATIONS_PER_ADDRESS_PER_HOUR)' })
  async register(@Body() body: RegisterOrganisationRequest, @Req() request: Request): Promise<RegisterOrganisationResponse> {
    await this.throttle.registration(clientAddress(request));
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
