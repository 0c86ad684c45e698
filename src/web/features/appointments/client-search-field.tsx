import { useDeferredValue, useState } from 'react';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { useClientSearch } from '../sessions/people';

export interface ClientChoice {
  id: string;
  name: string;
}

/** Pick a client by name or email; once picked, shows them with "Change". */
export function ClientSearchField(props: { value: ClientChoice | null; onChange: (c: ClientChoice | null) => void }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const results = useClientSearch(deferred);
  if (props.value)
    return (
      <div className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2">
        <span className="text-sm">
          <span className="text-slate-600">Client: </span>
          <span className="font-medium text-slate-900">{props.value.name}</span>
        </span>
        <Button variant="ghost" size="sm" onClick={() => props.onChange(null)}>
          Change<span className="sr-only"> client</span>
        </Button>
      </div>
    );
  return (
    <div className="space-y-2">
      <Field label="Client" hint="Type at least 2 letters of a name or email.">
        <Input type="search" autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
      </Field>
      {results.data && (
        <ul className="max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200">
          {results.data.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">No client found.</li>}
          {results.data.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="min-h-11 w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
                onClick={() => props.onChange({ id: m.id, name: m.name })}
              >
                <span className="font-medium text-slate-900">{m.name}</span>{' '}
                <span className="text-slate-600">{m.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
