import { ArrowLeft } from 'lucide-react';
import { Link, useNavigate, useParams } from 'react-router';
import { toast } from 'sonner';
import { Alert } from '../../components/ui/alert';
import { PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { CohortForm } from './cohort-form';
import { useCohort, useCohortTypes, useCreateCohort, useUpdateCohort } from './use-cohorts';

function BackLink(props: { to: string; label: string }) {
  return (
    <Link to={props.to} className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm font-medium text-brand-700">
      <ArrowLeft className="size-4" aria-hidden /> {props.label}
    </Link>
  );
}

export function NewCohortPage() {
  const navigate = useNavigate();
  const types = useCohortTypes();
  const create = useCreateCohort();
  return (
    <div className="mx-auto max-w-3xl">
      <BackLink to="/cohorts" label="Cohorts" />
      <PageHeader title="New cohort" />
      {types.isPending && <Spinner />}
      {types.error && <Alert tone="error">{errorMessage(types.error)}</Alert>}
      {types.data && (
        <CohortForm
          types={types.data.cohortTypes}
          catalogue={types.data.promptCatalogue}
          coaches={types.data.coaches}
          saving={create.isPending}
          error={create.error}
          onCancel={() => navigate('/cohorts')}
          onCreate={(body) =>
            create.mutate(body, {
              onSuccess: (cohort) => {
                toast.success(`${cohort.name} is created. Now enrol its clients.`);
                void navigate(`/cohorts/${cohort.id}`);
              },
            })
          }
        />
      )}
    </div>
  );
}

export function EditCohortPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const cohort = useCohort(id);
  const types = useCohortTypes();
  const update = useUpdateCohort(id);
  const error = cohort.error ?? types.error;
  return (
    <div className="mx-auto max-w-3xl">
      <BackLink to={`/cohorts/${id}`} label={cohort.data?.name ?? 'Cohort'} />
      <PageHeader title="Edit cohort" />
      {(cohort.isPending || types.isPending) && !error && <Spinner />}
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {cohort.data && types.data && (
        <CohortForm
          cohort={cohort.data}
          types={types.data.cohortTypes}
          catalogue={types.data.promptCatalogue}
          coaches={types.data.coaches}
          saving={update.isPending}
          error={update.error}
          onCancel={() => navigate(`/cohorts/${id}`)}
          onSave={(body) => {
            if (Object.keys(body).length === 0) return navigate(`/cohorts/${id}`);
            update.mutate(body, {
              onSuccess: () => {
                toast.success('Cohort saved.');
                void navigate(`/cohorts/${id}`);
              },
            });
          }}
        />
      )}
    </div>
  );
}
