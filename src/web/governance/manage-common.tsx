/** What the management sections share: writes that answer with the meeting, and their problems. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useProblemText } from '../forms/form';
import { storeMeeting } from './queries';
import type { Meeting } from './types';

/** A write whose answer is the whole meeting, shown at once. */
export function useMeetingWrite<V>(write: (variables: V) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  });
}

/** Why a write failed, announced at once (the principal is already present, no quorum…). */
export function Problem({ error, testId }: { error: unknown; testId?: string }) {
  const problemText = useProblemText();
  if (!error) return null;
  return (
    <p className="gov-problem" role="alert" data-testid={testId}>
      {problemText(error)}
    </p>
  );
}
