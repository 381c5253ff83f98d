import { Module } from '@nestjs/common';

/** Experts, assignments, expert scoring, closing review and the shortlist. */
@Module({
  controllers: [],
  providers: [],
})
export class ReviewsModule {}
