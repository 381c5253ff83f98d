/**
 * Expert review over HTTP: experts, assignments and scoring, 专家抽取, and a two-stage year (通讯评审 →
 * 会议评审/答辩). One runner file, so that Jest loads the app's module graph once for all three; each
 * starts an app of its own (they move the clock). A new cases module is one line here;
 * test/foundation/case-runners.spec.ts fails when one is left out.
 */
import './reviews.cases';
import './expert-draw.cases';
import './two-stage-year.cases';
