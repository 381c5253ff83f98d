import { assign, createBoard } from './assignment-board';
import { dossier, expert } from './assignment.test-support';
import { improveFieldMatches } from './improve-field-matches';

describe('improveFieldMatches', () => {
  it('swaps the experts of two assignments when both then review their own field', () => {
    const board = createBoard(
      [dossier('D-1', { fields: ['a'] }), dossier('D-2', { fields: ['b'] })],
      [expert('E-a', { fields: ['a'] }), expert('E-b', { fields: ['b'] })],
      1,
      1,
      [],
    );
    assign(board, 'D-1', 'E-b');
    assign(board, 'D-2', 'E-a');
    improveFieldMatches(board, new Map());
    expect(board.planned).toEqual([
      ['D-1', 'E-a'],
      ['D-2', 'E-b'],
    ]);
    expect(board.loads).toEqual(new Map([['E-a', 1], ['E-b', 1]]));
  });

  it('does not take a match from one dossier to give it to another', () => {
    const board = createBoard(
      [dossier('D-1', { fields: ['a'] }), dossier('D-2', { fields: ['a'] })],
      [expert('E-a', { fields: ['a'] }), expert('E-x')],
      1,
      1,
      [],
    );
    assign(board, 'D-1', 'E-x');
    assign(board, 'D-2', 'E-a');
    improveFieldMatches(board, new Map());
    expect(board.planned).toEqual([
      ['D-1', 'E-x'],
      ['D-2', 'E-a'],
    ]);
  });

  it('never swaps an expert onto a dossier they conflict with', () => {
    const board = createBoard(
      [dossier('D-1', { fields: ['a'] }), dossier('D-2', { fields: ['b'], excludedExpertIds: ['E-b'] })],
      [expert('E-a', { fields: ['a'] }), expert('E-b', { fields: ['b'] })],
      1,
      2,
      [],
    );
    assign(board, 'D-1', 'E-b');
    assign(board, 'D-2', 'E-a');
    improveFieldMatches(board, new Map());
    expect(board.planned).toEqual([
      ['D-1', 'E-b'],
      ['D-2', 'E-a'],
    ]);
  });
});
