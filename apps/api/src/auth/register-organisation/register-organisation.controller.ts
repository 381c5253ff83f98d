import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ErrorBody } from '../../http/error-body';
import { Public } from '../access.decorators';
import { clientAddress } from '../login/login.controller';
import { OrganisationRegistration } from './organisation-registration';
import { RegisterOrganisationRequest, RegisterOrganisationResponse } from './register-organisation.request.dto';

@ApiTags('账户 accounts')
@Controller('api/v1/organisations')
export class RegisterOrganisationController {
  constructor(private readonly registration: OrganisationRegistration) {}

  @Post()
  @Public()
  @ApiOperation({ summary: 'An applicant organisation registers itself and its first user' })
  @ApiCreatedResponse({ type: RegisterOrganisationResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'invalid fields, or a credit code whose check digit is wrong' })
  @ApiConflictResponse({ type: ErrorBody, description: 'the organisation or the username is already registered' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'too many registrations from this address (REGISTRATIONS_PER_ADDRESS_PER_HOUR)' })
  register(@Body() body: RegisterOrganisationRequest, @Req() request: Request): Promise<RegisterOrganisationResponse> {
    return this.registration.register(body, clientAddress(request));
  }
}
