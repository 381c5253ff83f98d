import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertCreditCode } from '@app/domain/credit-code';
import { AccountsService } from '../accounts.service';
import { SignInThrottle } from '../sign-in-throttle';
import { Organisation } from '../organisation.entity';
import type { RegisterOrganisationRequest, RegisterOrganisationResponse } from './register-organisation.request.dto';

/**
 * An applicant organisation registers itself and its first user, in one transaction: the API's
 * POST /api/v1/organisations and the portal's 注册 page both come here, and both count against the
 * registrations allowed from the client's address.
 */
@Injectable()
export class OrganisationRegistration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly throttle: SignInThrottle,
  ) {}

  async register(body: RegisterOrganisationRequest, address: string): Promise<RegisterOrganisationResponse> {
    await this.throttle.registration(address);
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
