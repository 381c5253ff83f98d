/** One stream per selection and expert, so signing never touches the selection or another expert. */
export const commitmentStreamOf = (selectionId: string, expertId: string) => `commitment-${selectionId}-${expertId}`;
