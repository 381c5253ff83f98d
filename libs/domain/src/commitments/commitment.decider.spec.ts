import { facts } from '../dossier/dossier.test-support';
import { asAdmin, asExpert, NOW } from '../selection/actors.test-support';
import { givenWhenThen } from '../selection/given-when-then.test-support';
import { DomainRefusal } from '../shared/refusal';
// Through the module's public surface, as the application uses it.
import {
  CommitmentCommand,
  commitmentDecider,
  CommitmentEvent,
  commitmentStreamOf,
  DEFAULT_DECLARATION,
  declarationOf,
  requireSignedDeclaration,
  signatureOf,
} from '.';
import { foldEvents } from '../shared/decider';

const given = givenWhenThen(commitmentDecider);
const inReview = facts('expert-review');
const ownText = { version: '2026-1', paragraphs: ['本人承诺对评审材料保密。', '本人与申报单位无利益关系。'] };

function sign(overrides: Partial<CommitmentCommand['data']> = {}, metadata = asExpert('e1')): CommitmentCommand {
  return { type: 'SignDeclaration', data: { selection: inReview, expertId: 'e1', version: DEFAULT_DECLARATION.version, ...overrides }, metadata };
}

const signed: CommitmentEvent = {
  type: 'DeclarationSigned',
  data: {
    selectionId: inReview.selectionId,
    expertId: 'e1',
    version: DEFAULT_DECLARATION.version,
    paragraphs: [...DEFAULT_DECLARATION.paragraphs],
    signedAt: NOW,
  },
};

describe('commitments: the 保密承诺、回避声明 an expert signs before reading any dossier', () => {
  it('a call without its own text uses the default Chinese declaration (confidentiality and recusal)', () => {
    expect(declarationOf(inReview.rules)).toBe(DEFAULT_DECLARATION);
    expect(DEFAULT_DECLARATION.paragraphs.join('')).toMatch(/保密.*回避/);
  });

  it('the expert signs the text he was shown: its version, its paragraphs and the time are recorded', () => {
    given([]).when(sign()).then([signed]);
  });

  it("a call's own text is what is signed", () => {
    const selection = { ...inReview, rules: { ...inReview.rules, declaration: ownText } };
    given([])
      .when(sign({ selection, version: '2026-1' }))
      .then([{ type: 'DeclarationSigned', data: { ...signed.data, version: '2026-1', paragraphs: ownText.paragraphs } }]);
  });

  it('a text changed since he read it is refused, naming the version now in force', () => {
    const selection = { ...inReview, rules: { ...inReview.rules, declaration: ownText } };
    const refusal = given([]).when(sign({ selection })).thenRefused('declaration-changed', '"2026-1"');
    expect(refusal.details).toEqual({ version: '2026-1' });
  });

  it('he signs once per selection', () => {
    given([signed]).when(sign()).thenRefused('declaration-already-signed');
  });

  it('only the expert himself signs, and only while expert review runs', () => {
    given([]).when(sign({}, asExpert('e2'))).thenRefused('forbidden');
    given([]).when(sign({}, asAdmin())).thenRefused('forbidden');
    given([]).when(sign({ selection: facts('formal-review-closed') })).thenRefused('wrong-phase');
    given([]).when(sign({ selection: facts('review-closed') })).thenRefused('wrong-phase');
  });

  it('the signature is read from his stream of this selection, one stream per selection and expert', () => {
    expect(commitmentStreamOf('demo-scenario-2026', 'e1')).toBe('commitment-demo-scenario-2026-e1');
    expect(signatureOf(foldEvents(commitmentDecider, []))).toBeNull();
    expect(signatureOf(foldEvents(commitmentDecider, [signed]))).toEqual(signed.data);
  });

  it('without a signature of this selection every dossier read and score is refused (403) with what to do', () => {
    const refused = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error as DomainRefusal;
      }
      throw new Error('expected a refusal');
    };
    const none = refused(() => requireSignedDeclaration(null, inReview.selectionId, 'e1'));
    expect({ code: none.code, kind: none.kind, details: none.details }).toEqual({
      code: 'declaration-not-signed',
      kind: 'forbidden',
      details: { selectionId: inReview.selectionId },
    });
    expect(refused(() => requireSignedDeclaration(signed.data, 'dataset-2026', 'e1')).code).toBe('declaration-not-signed');
    expect(refused(() => requireSignedDeclaration(signed.data, inReview.selectionId, 'e2')).code).toBe('declaration-not-signed');
    expect(requireSignedDeclaration(signed.data, inReview.selectionId, 'e1')).toBe(signed.data);
  });
});
