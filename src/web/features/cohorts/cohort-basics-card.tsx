import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { Field } from '../../components/ui/field';
import { Input, Select } from '../../components/ui/input';
import { asNumber } from './cohort-form-values';
import { CoachPicker, type CoachOption } from './coach-picker';
import type { CohortFormState } from './use-cohort-form';
import type { CohortDetail, CohortType } from './use-cohorts';

/** The cohort form's first card: its type (new cohorts only), name, dates, length, places and coaches. */
export function CohortBasicsCard(props: {
  state: CohortFormState;
  cohort?: CohortDetail;
  types: CohortType[];
  coaches: CoachOption[];
}) {
  const { form, values: s, set, errorFor, started, finished, chooseType } = props.state;
  return (
    <Card>
      <CardHeader title="The cohort" />
      <CardBody className="space-y-4">
        {!props.cohort && (
          <Field label="Type" hint="A type fills in the length, prompts and questionnaire; you can change them below.">
            <Select value={s.typeId} onChange={(e) => chooseType(e.target.value)}>
              <option value="">No type</option>
              {props.types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Name" error={errorFor('name')}>
          <Input placeholder="e.g. Spring 6-Week Challenge" {...form.register('name')} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Start date"
            hint={started ? 'Fixed: the cohort has started.' : 'Week 1 starts on this day.'}
            error={errorFor('startDate')}
          >
            <Input type="date" readOnly={started || finished} {...form.register('startDate')} />
          </Field>
          <Field label="Length" error={s.length === 'custom' ? null : errorFor('weeks')}>
            {/* A finished cohort shows its length without registering it: a disabled input has no value. */}
            <Select
              disabled={finished}
              {...(finished ? { value: s.length, onChange: () => undefined } : form.register('length'))}
            >
              <option value="6">6 weeks</option>
              <option value="8">8 weeks</option>
              <option value="custom">Another number of weeks</option>
              <option value="open">Open-ended</option>
            </Select>
          </Field>
          {s.length === 'custom' && (
            <Field label="Weeks" hint="1 to 52." error={errorFor('weeks')}>
              <Input
                type="number"
                inputMode="numeric"
                readOnly={finished}
                {...form.register('weeks', { setValueAs: asNumber })}
              />
            </Field>
          )}
          <Field label="Places (optional)" hint="Leave empty for no limit." error={errorFor('capacity')}>
            <Input
              type="number"
              inputMode="numeric"
              readOnly={finished}
              {...form.register('capacity', { setValueAs: asNumber })}
            />
          </Field>
        </div>
        {!finished && (
          <CoachPicker
            options={props.coaches}
            known={props.cohort?.coaches ?? []}
            coachIds={s.coachIds}
            leadCoachId={s.leadCoachId}
            error={errorFor('coachIds', 'leadCoachId')}
            onChange={(next) => set(next)}
          />
        )}
      </CardBody>
    </Card>
  );
}
