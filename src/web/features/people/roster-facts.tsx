import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { HeartPulse, Phone } from 'lucide-react';
import { toast } from 'sonner';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { api, errorMessage } from '../../lib/api';

/** One request per roster (every row reads the same cached answer). */
function useRosterFacts(sessionId: string) {
  return useQuery({
    queryKey: ['sessions', sessionId, 'roster-facts'],
    queryFn: () => api.get('/api/sessions/:id/roster-facts', { params: { id: sessionId } }),
  });
}

/** Beside a name on the roster: first visit, a health note to read, credits running out, a phone to tap. */
export function RosterFacts(props: { sessionId: string; userId: string }) {
  const facts = useRosterFacts(props.sessionId).data?.people.find((p) => p.userId === props.userId);
  if (!facts) return null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-1.5 text-sm">
      {facts.firstVisit && <Badge tone="info">First visit</Badge>}
      {facts.hasHealthNote && (
        <Badge tone="danger">
          <HeartPulse className="mr-1 size-3.5" aria-hidden />
          Health note
        </Badge>
      )}
      {facts.creditStatus === 'NONE' && <Badge tone="warning">No credits left</Badge>}
      {facts.creditStatus === 'LOW' && <Badge tone="warning">Pack almost used: {facts.creditsLeft} left</Badge>}
      {facts.phone && (
        <a href={`tel:${facts.phone}`} className="inline-flex items-center gap-1 text-brand-700 underline">
          <Phone className="size-3.5" aria-hidden />
          {facts.phone}
        </a>
      )}
    </p>
  );
}

/** Marks everyone not yet marked as attended; the coach then corrects the few who did not come. */
export function MarkAllAttended(props: { sessionId: string; unmarked: string[] }) {
  const queryClient = useQueryClient();
  const markAll = useMutation({
    mutationFn: async () => {
      // One at a time: each mark is its own audited change, and a refusal stops at that person.
      for (const userId of props.unmarked)
        await api.post('/api/sessions/:id/attendance', {
          params: { id: props.sessionId },
          body: { userId, status: 'ATTENDED' },
        });
    },
    onSuccess: () => toast.success(`${props.unmarked.length} marked as attended. Correct anyone who did not come.`),
    onError: (e) => toast.error(errorMessage(e)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
  if (props.unmarked.length === 0) return null;
  return (
    <Button variant="secondary" size="sm" loading={markAll.isPending} onClick={() => markAll.mutate()}>
      Mark all {props.unmarked.length} attended
    </Button>
  );
}
