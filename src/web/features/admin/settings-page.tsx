import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatDistanceToNow } from 'date-fns';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Input, Select } from '../../components/ui/input';
import { PageHeader, Spinner } from '../../components/ui/page';
import { WaiverCard } from './waiver-card';
import { Switch } from '../../components/ui/switch';
import { api, errorMessage, type ApiResponse } from '../../lib/api';

type AdminSetting = ApiResponse<'GET /api/admin/settings'>['settings'][number];

/** A studio setting's value as its text field shows it (text and numbers; nothing else is typed in). */
const asFieldText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME_ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/London'];

function useSaveSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { key: string; value: unknown }) =>
      api.put('/api/admin/settings/:key', { params: { key: input.key }, body: { value: input.value } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'settings'] });
      await queryClient.invalidateQueries({ queryKey: ['settings', 'public'] });
    },
  });
}

function LastChanged(props: { setting: AdminSetting }) {
  // A setting still at its default says nothing more (a bare "Default" read as part of the hint).
  if (!props.setting.updatedAt) return null;
  return <span>Last changed {formatDistanceToNow(new Date(props.setting.updatedAt), { addSuffix: true })}.</span>;
}

function FeatureRow(props: { setting: AdminSetting }) {
  const save = useSaveSetting();
  const id = `setting-${props.setting.key}`;
  return (
    <li className="flex items-center justify-between gap-4 py-3">
      <div className="min-w-0">
        <label htmlFor={id} className="font-medium text-slate-900">
          {props.setting.label}
        </label>
        <p id={`${id}-help`} className="text-sm text-slate-600">
          {props.setting.help} <LastChanged setting={props.setting} />
        </p>
        {save.error && (
          <p className="mt-1 text-sm text-red-700" role="alert">
            {errorMessage(save.error)}
          </p>
        )}
      </div>
      <Switch
        id={id}
        aria-describedby={`${id}-help`}
        checked={props.setting.value === true}
        disabled={save.isPending}
        onCheckedChange={(checked) => save.mutate({ key: props.setting.key, value: checked })}
      />
    </li>
  );
}

function StudioRow(props: { setting: AdminSetting }) {
  const save = useSaveSetting();
  const [value, setValue] = useState(asFieldText(props.setting.value));
  const [saved, setSaved] = useState(false);
  const id = `setting-${props.setting.key}`;
  const dirty = value !== asFieldText(props.setting.value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ key: props.setting.key, value }, { onSuccess: () => setSaved(true) });
  };
  const control =
    props.setting.key === 'studio.timezone' ? (
      <Select id={id} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-help`}>
        {TIME_ZONES.map((tz) => (
          <option key={tz}>{tz}</option>
        ))}
      </Select>
    ) : props.setting.key === 'studio.weekStartsOn' ? (
      <Select id={id} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-help`}>
        {WEEKDAYS.map((d) => (
          <option key={d}>{d}</option>
        ))}
      </Select>
    ) : (
      <Input
        id={id}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={`${id}-help`}
        aria-invalid={save.error ? true : undefined}
      />
    );
  return (
    <li className="py-3">
      <form onSubmit={submit} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto] sm:items-center">
        <label htmlFor={id} className="font-medium text-slate-900">
          {props.setting.label}
        </label>
        {control}
        <Button type="submit" variant="secondary" size="sm" disabled={!dirty} loading={save.isPending}>
          Save
        </Button>
        <p id={`${id}-help`} className="text-sm text-slate-600 sm:col-start-2">
          {props.setting.help} <LastChanged setting={props.setting} />
        </p>
        {save.error && (
          <p className="text-sm text-red-700 sm:col-start-2" role="alert">
            {errorMessage(save.error)}
          </p>
        )}
        {saved && !dirty && (
          <p className="text-sm text-green-800 sm:col-start-2" role="status">
            Saved.
          </p>
        )}
      </form>
    </li>
  );
}

export function SettingsPage() {
  const settings = useQuery({
    queryKey: ['admin', 'settings'],
    queryFn: () => api.get('/api/admin/settings'),
  });
  const all = settings.data?.settings ?? [];
  return (
    <>
      <PageHeader title="Settings" description="Changes apply at once for everyone using the app." />
      {settings.isPending && <Spinner />}
      {settings.error && <Alert tone="error">{errorMessage(settings.error)}</Alert>}
      {settings.data && (
        <div className="space-y-5">
          <Card>
            <CardHeader title="Studio" description="Name, time zone and money." />
            <CardBody className="py-1">
              <ul className="divide-y divide-slate-100">
                {all
                  .filter((s) => s.key.startsWith('studio.'))
                  .map((s) => (
                    <StudioRow key={s.key} setting={s} />
                  ))}
              </ul>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Features"
              description="Switch parts of Roster on or off. Turning one off hides it everywhere; its data is kept."
            />
            <CardBody className="py-1">
              <ul className="divide-y divide-slate-100">
                {all
                  .filter((s) => s.key.startsWith('features.'))
                  .map((s) => (
                    <FeatureRow key={s.key} setting={s} />
                  ))}
              </ul>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Payments" description="How online payments start a plan." />
            <CardBody className="py-1">
              <ul className="divide-y divide-slate-100">
                {all
                  .filter((s) => s.key.startsWith('payments.'))
                  .map((s) => (
                    <FeatureRow key={s.key} setting={s} />
                  ))}
              </ul>
            </CardBody>
          </Card>
          <WaiverCard />
        </div>
      )}
    </>
  );
}
