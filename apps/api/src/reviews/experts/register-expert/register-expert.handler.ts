import { randomUUID } from 'node:crypto';
import { ConflictException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { expertDecider } from '@app/domain/expert';
import { Account } from '../../../auth/account.entity';
import { AccountsService } from '../../../auth/accounts.service';
import { CommandRunner } from '../../../workflow/command-runner';
import { expertStreamOf } from '../../review-facts';
import { RegisterExpertCommand } from './register-expert.command';
import type { RegisteredExpertResponse } from './register-expert.request.dto';

/**
 * Registers the expert and creates his account, all or nothing.
 *
 * Why not one TypeORM transaction around the append: the event store writes through its own pool,
 * and on PGlite every connection shares one session, so a TypeORM transaction held open across the
 * append would not isolate anything there (and could wait on itself). Instead the account is created
 * first — the unique username is the only thing that can be taken by someone else — and removed again
 * if the domain refuses the expert or the append fails. The brief window in which the account exists
 * without an expert is harmless: an expert account whose stream is missing can read nothing.
 */
@CommandHandler(RegisterExpertCommand)
export class RegisterExpertHandler implements ICommandHandler<RegisterExpertCommand, RegisteredExpertResponse> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly accounts: AccountsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async execute({ request, context }: RegisterExpertCommand): Promise<RegisteredExpertResponse> {
    const expertId = randomUUID().replace(/-/g, '').slice(0, 16);
    if (await this.accounts.findByUsername(request.username)) {
      throw new ConflictException(`the username "${request.username}" is taken; choose another`);
    }
    const account = await this.accounts.create({
      username: request.username,
      password: request.password,
      role: 'expert',
      displayName: request.name,
      expertId,
    });
    try {
      const stream = expertStreamOf(expertId);
      const result = await this.runner.run('RegisterExpert', context, async (unit) => {
        await unit.decide(stream, expertDecider, {
          type: 'RegisterExpert',
          data: {
            expertId,
            name: request.name,
            organisationName: request.organisationName,
            organisationCreditCode: request.organisationCreditCode,
            fields: request.fields,
          },
          metadata: context.metadata,
        });
      }, { stream });
      return { expertId, username: request.username, revision: String(result.revisions.get(stream) ?? '') };
    } catch (error) {
      await this.dataSource.getRepository(Account).delete({ id: account.id });
      throw error;
    }
  }
}
