import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DrawRecordsController } from './assignments/draw-records/draw-records.controller';
import { ReadAssignmentsController } from './assignments/read-assignments/read-assignments.controller';
import { MyAssignmentsController } from './assignments/my-assignments/my-assignments.controller';
import { PlanAssignmentsController } from './assignments/plan-assignments/plan-assignments.controller';
import { PlanAssignmentsHandler } from './assignments/plan-assignments/plan-assignments.handler';
import { CloseReviewController } from './close-review/close-review.controller';
import { CloseReviewHandler } from './close-review/close-review.handler';
import { DeactivateExpertController } from './experts/deactivate-expert/deactivate-expert.controller';
import { DeactivateExpertHandler } from './experts/deactivate-expert/deactivate-expert.handler';
import { DeclareConflictController } from './experts/declare-conflict/declare-conflict.controller';
import { DeclareConflictHandler } from './experts/declare-conflict/declare-conflict.handler';
import { ReadExpertsController } from './experts/read-experts/read-experts.controller';
import { RegisterExpertController } from './experts/register-expert/register-expert.controller';
import { RegisterExpertHandler } from './experts/register-expert/register-expert.handler';
import { PendingExpertAccounts } from './experts/register-expert/pending-expert-accounts';
import { DeclarationController } from './commitments/declaration.controller';
import { SignDeclarationHandler } from './commitments/sign-declaration.handler';
import { ReviewFacts } from './review-facts';
import { ReviewReads } from './review-reads';
import { RecuseExpertController } from './scoring/recuse-expert/recuse-expert.controller';
import { RecuseExpertHandler } from './scoring/recuse-expert/recuse-expert.handler';
import { ScoreDossierController } from './scoring/score-dossier/score-dossier.controller';
import { ScoreDossierHandler } from './scoring/score-dossier/score-dossier.handler';
import { ScoreboardController } from './shortlist/scoreboard.controller';
import { ShortlistController } from './shortlist/shortlist.controller';
import { CloseReviewStageHandler } from './stages/close-stage.handler';
import { FormPanelHandler } from './stages/form-panel.handler';
import { ReviewStagesController } from './stages/review-stages.controller';

/** Experts, assignments, expert scoring, closing review and the shortlist. */
@Module({
  imports: [AuthModule], // AccountsService: an expert is registered with his sign-in account
  controllers: [
    RegisterExpertController,
    ReadExpertsController,
    DeclareConflictController,
    DeactivateExpertController,
    PlanAssignmentsController,
    ReadAssignmentsController,
    DrawRecordsController,
    MyAssignmentsController,
    DeclarationController,
    ScoreDossierController,
    RecuseExpertController,
    CloseReviewController,
    ShortlistController,
    ScoreboardController,
    ReviewStagesController,
  ],
  providers: [
    ReviewFacts,
    ReviewReads,
    RegisterExpertHandler,
    PendingExpertAccounts,
    DeclareConflictHandler,
    DeactivateExpertHandler,
    PlanAssignmentsHandler,
    SignDeclarationHandler,
    ScoreDossierHandler,
    RecuseExpertHandler,
    CloseReviewHandler,
    CloseReviewStageHandler,
    FormPanelHandler,
  ],
})
export class ReviewsModule {}
