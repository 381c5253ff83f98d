import type { DossierCommand } from './dossier.commands';
import {
  AFTER_DEADLINE,
  APPLICANT,
  DEADLINE,
  DOSSIER_ID,
  FIELDS,
  NOW,
  OTHER_ORGANISATION,
  REQUIRED_KINDS,
  applicant,
  asAdmin,
  asApplicant,
  attached,
  attachment,
  complete,
  drafted,
  facts,
  factsOf,
  given,
  inReview,
  passed,
  returned,
  submitted,
} from './dossier.test-support';

type DraftData = Extract<DossierCommand, { type: 'DraftDossier' }>['data'];

function draft(overrides: Partial<DraftData> = {}, metadata = applicant()): DossierCommand {
  return {
    type: 'DraftDossier',
    data: {
      dossierId: DOSSIER_ID,
      selection: facts('open'),
      applicantCreditCode: ` ${APPLICANT.toLowerCase()} `,
      title: ' 轨道交通装备柔性制造示范场景 ',
      projectCode: 'HN-2026-001',
      tier: 'scenario',
      fields: { ...FIELDS },
      declaredInvestmentFen: 5_000_000_000,
      excludedExpertIds: ['e-excluded'],
      ...overrides,
    },
    metadata,
  };
}

const edit = (changes: object, now = NOW, selection = facts('open')): DossierCommand => ({
  type: 'EditDossier',
  data: { dossierId: DOSSIER_ID, selection, changes },
  metadata: applicant(now),
});

const add = (n: number, kind = 'application-form', overrides = {}, now = NOW): DossierCommand => ({
  type: 'AddAttachment',
  data: { dossierId: DOSSIER_ID, selection: facts('open'), attachment: attachment(kind, n, overrides) },
  metadata: applicant(now),
});

const submit = (now = NOW, selection = facts('open')): DossierCommand => ({
  type: 'SubmitDossier',
  data: { dossierId: DOSSIER_ID, selection },
  metadata: applicant(now),
});

const withdraw = (selection = facts('open'), metadata = applicant()): DossierCommand => ({
  type: 'WithdrawDossier',
  data: { dossierId: DOSSIER_ID, selection, reason: '项目调整' },
  metadata,
});

describe('dossier: drafting and submission', () => {
  describe('DraftDossier', () => {
    it('an applicant drafts a dossier in its own name, with a normalised credit code and trimmed text', () => {
      given([]).when(draft()).then([drafted()]);
    });

    it('a policy programme dossier needs no investment and no project code', () => {
      const selection = factsOf('key-enterprise');
      const events = given([])
        .when(
          draft({
            selection,
            tier: 'foundation',
            projectCode: undefined,
            declaredInvestmentFen: undefined,
            excludedExpertIds: undefined,
            fields: { enterpriseName: '长沙景嘉微电子股份有限公司', specialty: '算力芯片' },
          }),
        )
        .events();
      expect(events[0].data).toMatchObject({
        selectionId: 'key-enterprise-2026',
        programme: 'key-enterprise',
        projectCode: null,
        declaredInvestmentFen: null,
        excludedExpertIds: [],
      });
    });

    it('an empty field is not kept in the draft', () => {
      const events = given([]).when(draft({ fields: { ...FIELDS, promotionValue: ' ' } })).events();
      expect(events[0].data).toMatchObject({ fields: { sceneName: FIELDS.sceneName } });
      expect('promotionValue' in (events[0].data as { fields: object }).fields).toBe(false);
    });

    it('a field is kept exactly as written, as the published annex prints it (附件2 scenario 七 ends in a space)', () => {
      const events = given([]).when(draft({ fields: { ...FIELDS, promotionValue: '具有广泛推广价值。 ' } })).events();
      expect((events[0].data as { fields: Record<string, string> }).fields.promotionValue).toBe('具有广泛推广价值。 ');
    });

    it('a dossier drafted twice is refused', () => {
      given([drafted()]).when(draft()).thenRefused('dossier-already-drafted');
    });

    it('drafting after the deadline is refused with the deadline date', () => {
      given([]).when(draft({}, applicant(AFTER_DEADLINE))).thenRefused('submission-closed', 'submissions closed on 2026-03-31');
      expect(() => given([]).when(draft({}, applicant(DEADLINE))).events()).not.toThrow();
    });

    it('drafting once the selection is in formal review is refused, saying so', () => {
      given([])
        .when(draft({ selection: facts('formal-review') }))
        .thenRefused('wrong-phase', 'submissions closed on 2026-03-31; the selection is now in formal review');
    });

    it('an invalid applicant credit code is refused', () => {
      given([]).when(draft({ applicantCreditCode: '91430100000000101X' })).thenRefused('invalid-credit-code');
    });

    it('only a user of the applicant organisation may draft in its name', () => {
      given([]).when(draft({}, asApplicant(OTHER_ORGANISATION))).thenRefused('forbidden');
      given([]).when(draft({}, asAdmin())).thenRefused('forbidden');
      given([]).when(draft({}, asApplicant('garbage'))).thenRefused('forbidden');
    });

    it('a tier the selection does not have is refused, naming the tiers', () => {
      given([]).when(draft({ tier: 'foundation' })).thenRefused('unknown-tier', 'scenario (示范场景)');
    });

    it('a field the form does not have is refused, and so is one too long', () => {
      given([]).when(draft({ fields: { colour: 'red' } })).thenRefused('unknown-field', 'sceneName (场景名称)');
      given([]).when(draft({ fields: { sceneName: '场'.repeat(101) } })).thenRefused('field-too-long', '场景名称');
      given([])
        .when(draft({ fields: { sceneName: 7 as unknown as string } }))
        .thenRefused('invalid-field');
    });

    it('a title is required', () => {
      given([]).when(draft({ title: '  ' })).thenRefused('text-missing', 'the project title is required');
    });

    it('declared investment is whole fen above zero, and only for money programmes', () => {
      given([]).when(draft({ declaredInvestmentFen: 10.5 })).thenRefused('invalid-investment');
      given([]).when(draft({ declaredInvestmentFen: 0 })).thenRefused('invalid-investment');
      given([])
        .when(draft({ selection: factsOf('innovation-platform'), tier: 'research', fields: {}, declaredInvestmentFen: 100 }))
        .thenRefused('investment-not-applicable');
    });

    it('an applicant may exclude at most three experts, each once', () => {
      given([]).when(draft({ excludedExpertIds: ['a', 'b', 'c', 'd'] })).thenRefused('too-many-excluded-experts');
      given([]).when(draft({ excludedExpertIds: ['a', 'a'] })).thenRefused('invalid-excluded-experts');
    });
  });

  describe('EditDossier', () => {
    it('the applicant edits a draft; an emptied field is cleared', () => {
      given([drafted()])
        .when(edit({ title: '新标题', fields: { demonstration: '' }, declaredInvestmentFen: null, projectCode: '' }))
        .then([
          {
            type: 'DossierEdited',
            data: {
              dossierId: DOSSIER_ID,
              changes: { title: '新标题', fields: { demonstration: '' }, declaredInvestmentFen: null, projectCode: null },
              editedAt: NOW,
            },
          },
        ]);
    });

    it('an edit that changes nothing is refused', () => {
      given([drafted()]).when(edit({})).thenRefused('nothing-to-change');
    });

    it('a submitted dossier cannot be edited', () => {
      given([...complete, submitted()]).when(edit({ title: 'x' })).thenRefused('wrong-status', 'is submitted');
    });

    it('a dossier returned for correction can be edited until its correction deadline', () => {
      const history = [...complete, submitted(), returned];
      const selection = facts('formal-review');
      expect(given(history).when(edit({ tier: 'scenario' }, '2026-04-10T15:00:00Z', selection)).events()).toHaveLength(1);
      given(history)
        .when(edit({ tier: 'scenario' }, '2026-04-10T16:00:00Z', selection))
        .thenRefused('correction-deadline-passed', 'correct it by the end of 2026-04-10');
    });

    it('another organisation cannot edit the dossier', () => {
      given([drafted()])
        .when({ ...edit({ title: 'x' }), metadata: asApplicant(OTHER_ORGANISATION) })
        .thenRefused('forbidden', `only the applicant organisation ${APPLICANT}`);
    });

    it('a command carrying another selection is refused', () => {
      given([drafted()])
        .when(edit({ title: 'x' }, NOW, { ...facts('open'), selectionId: 'dataset-2026' }))
        .thenRefused('wrong-selection');
    });

    it('editing a dossier that does not exist is refused', () => {
      given([]).when(edit({ title: 'x' })).thenRefused('dossier-not-found');
    });
  });

  describe('AddAttachment and RemoveAttachment', () => {
    it('adds a PDF with a normalised hash and media type', () => {
      given([drafted()])
        .when(add(1, 'application-form', { mediaType: 'Application/PDF', sha256: 'AB'.repeat(32) }))
        .then([
          {
            type: 'AttachmentAdded',
            data: {
              dossierId: DOSSIER_ID,
              attachment: attachment('application-form', 1, { sha256: 'ab'.repeat(32) }),
              addedAt: NOW,
            },
          },
        ]);
    });

    it.each([
      ['image/png', 'photo.png'],
      ['image/jpeg', 'photo.JPG'],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '申报书.docx'],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '明细.xlsx'],
    ])('accepts %s', (mediaType, name) => {
      expect(given([drafted()]).when(add(1, 'effect-evidence', { mediaType, name })).events()).toHaveLength(1);
    });

    it('refuses other file types, and a name that does not fit its type', () => {
      given([drafted()])
        .when(add(1, 'application-form', { mediaType: 'application/msword', name: 'a.doc' }))
        .thenRefused('attachment-type-not-allowed', 'only PDF, DOCX, XLSX, PNG and JPEG');
      given([drafted()])
        .when(add(1, 'application-form', { name: 'a.exe' }))
        .thenRefused('attachment-type-not-allowed', 'must end with .pdf');
    });

    it('refuses a malformed attachment: path in the name, unknown kind, bad hash, empty file', () => {
      given([drafted()]).when(add(1, 'application-form', { name: '../a.pdf' })).thenRefused('invalid-attachment');
      given([drafted()]).when(add(1, 'photo-album')).thenRefused('invalid-attachment', 'application-form (申报书)');
      given([drafted()]).when(add(1, 'application-form', { sha256: 'xyz' })).thenRefused('invalid-attachment');
      given([drafted()]).when(add(1, 'application-form', { sizeBytes: 0 })).thenRefused('invalid-attachment');
      given([drafted()]).when(add(1, 'application-form', { name: '' })).thenRefused('text-missing');
    });

    it('refuses a file above the per-file limit and attachments above the per-dossier limit', () => {
      const { maxFileBytes, maxTotalBytes } = facts().rules.attachments;
      given([drafted()]).when(add(1, 'application-form', { sizeBytes: maxFileBytes + 1 })).thenRefused('attachment-too-large');
      const big = (n: number) => ({
        type: 'AttachmentAdded' as const,
        data: { dossierId: DOSSIER_ID, attachment: attachment('effect-evidence', n, { sizeBytes: maxFileBytes }), addedAt: NOW },
      });
      const history = [drafted(), ...Array.from({ length: maxTotalBytes / maxFileBytes }, (_, i) => big(i + 10))];
      given(history).when(add(1)).thenRefused('dossier-attachments-too-large');
    });

    it('refuses more files than the programme allows', () => {
      const history = [drafted(), ...Array.from({ length: facts().rules.attachments.maxFiles }, (_, i) => attached('effect-evidence', i + 10))];
      given(history).when(add(1, 'application-form', { sizeBytes: 1 })).thenRefused('too-many-attachments');
    });

    it('refuses the same attachment id or the same file twice', () => {
      given([drafted(), attached('application-form', 1)])
        .when(add(1, 'application-form', { sha256: 'f'.repeat(64) }))
        .thenRefused('attachment-already-added', 'attachment a-1');
      given([drafted(), attached('application-form', 1)])
        .when(add(1, 'application-form', { attachmentId: 'a-9' }))
        .thenRefused('attachment-already-added', 'already attached as application-form.pdf');
    });

    it('removes an attachment; an unknown one is not found', () => {
      const remove = (attachmentId: string): DossierCommand => ({
        type: 'RemoveAttachment',
        data: { dossierId: DOSSIER_ID, selection: facts('open'), attachmentId },
        metadata: applicant(),
      });
      given([drafted(), attached('application-form', 1)])
        .when(remove('a-1'))
        .then([{ type: 'AttachmentRemoved', data: { dossierId: DOSSIER_ID, attachmentId: 'a-1', removedAt: NOW } }]);
      given([drafted()]).when(remove('a-1')).thenRefused('attachment-not-found');
    });

    it('attachments cannot change after the deadline', () => {
      given([drafted()]).when(add(1, 'application-form', {}, AFTER_DEADLINE)).thenRefused('submission-closed');
    });
  });

  describe('SubmitDossier', () => {
    it('a complete draft is submitted before the deadline', () => {
      given(complete).when(submit(DEADLINE)).then([submitted(DEADLINE)]);
    });

    it('a dossier missing fields, investment and attachments is refused, listing everything missing', () => {
      const refusal = given([drafted({ fields: { sceneName: 'x', domain: 'AI+农业' }, declaredInvestmentFen: null })])
        .when(submit())
        .thenRefused(
          'dossier-incomplete',
          'missing: 场景描述 (description), 示范应用 (demonstration), 推广价值 (promotionValue), 申报投资额 (declaredInvestmentFen), 申报书 (attachment application-form)',
        );
      expect(refusal.kind).toBe('invalid');
      expect(refusal.details?.missing).toHaveLength(3 + 1 + REQUIRED_KINDS.length);
    });

    it('submission after the deadline is refused with the date', () => {
      given(complete).when(submit(AFTER_DEADLINE)).thenRefused('submission-closed', 'submissions closed on 2026-03-31');
    });

    it('a dossier already submitted cannot be submitted again', () => {
      given([...complete, submitted()]).when(submit()).thenRefused('wrong-status');
    });

    it('a dossier returned for correction is resubmitted until the correction deadline', () => {
      const history = [...complete, submitted(), returned];
      const at = '2026-04-09T08:00:00.000Z';
      given(history).when(submit(at, facts('formal-review'))).then([submitted(at, true)]);
      given(history)
        .when(submit('2026-04-11T08:00:00.000Z', facts('formal-review')))
        .thenRefused('correction-deadline-passed');
    });

    it('a returned dossier can no longer be resubmitted once formal review is closed', () => {
      given([...complete, submitted(), returned])
        .when(submit('2026-04-09T08:00:00.000Z', facts('formal-review-closed')))
        .thenRefused('wrong-phase');
    });
  });

  describe('WithdrawDossier', () => {
    const withdrawn = {
      type: 'DossierWithdrawn' as const,
      data: { dossierId: DOSSIER_ID, reason: '项目调整', withdrawnAt: NOW },
    };

    it('the applicant withdraws a submitted dossier', () => {
      given([...complete, submitted()]).when(withdraw()).then([withdrawn]);
    });

    it('a dossier in expert review may still be withdrawn', () => {
      given(inReview).when(withdraw(facts('expert-review'))).then([withdrawn]);
    });

    it('a dossier cannot be withdrawn once review has closed', () => {
      given(inReview).when(withdraw(facts('review-closed'))).thenRefused('wrong-phase', 'the shortlist is frozen');
    });

    it('a withdrawn or rejected dossier cannot be withdrawn', () => {
      given([...complete, submitted(), withdrawn]).when(withdraw()).thenRefused('wrong-status', 'was withdrawn');
    });

    it('only the applicant organisation withdraws', () => {
      given([...complete, submitted()]).when(withdraw(facts('open'), asAdmin())).thenRefused('forbidden');
    });

    it('a dossier that passed formal review is no longer the applicant’s to resubmit', () => {
      given([...complete, submitted(), passed()]).when(submit()).thenRefused('wrong-status', 'passed formal review');
    });
  });
});
