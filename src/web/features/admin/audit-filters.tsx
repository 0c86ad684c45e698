import { useQuery } from '@tanstack/react-query';
import { AUDIT_ACTION_LABELS } from '../../../domain/audit/describe-audit-change';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { api } from '../../lib/api';

export interface AuditFilterValues {
  personId: string;
  action: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTERS: AuditFilterValues = { personId: '', action: '', from: '', to: '' };

/** Person, action and date range; the server does the filtering. */
export function AuditFilters(props: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const people = useQuery({
    queryKey: ['admin', 'users', 'audit-filter'],
    queryFn: () => api.get('/api/admin/users', { query: { limit: 200 } }),
  });
  const set = (key: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
    props.onChange({ ...props.value, [key]: e.target.value });
  return (
    <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Person">
        <Select value={props.value.personId} onChange={set('personId')}>
          <option value="">Everyone</option>
          {people.data?.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action">
        <Select value={props.value.action} onChange={set('action')}>
          <option value="">All actions</option>
          {Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From">
        <Input type="date" value={props.value.from} onChange={set('from')} />
      </Field>
      <Field label="To">
        <Input type="date" value={props.value.to} onChange={set('to')} />
      </Field>
    </div>
  );
}
