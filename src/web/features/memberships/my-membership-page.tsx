import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { EmptyState, PageHeader, Spinner } from '../../components/ui/page';
import { errorMessage } from '../../lib/api';
import { BillingSection } from '../payments/billing-section';
import { useOnlinePayments } from '../payments/queries';
import { CreditHistory } from './credit-history';
import { CreditSummary } from './credit-summary';
import { membershipKeys, useMyCredits, useMyMemberships } from './queries';
import { endText, isEnding, localDateText, PLAN_TYPE_LABELS, statusLabel, statusTone } from './text';
import type { Membership } from './types';

function MembershipCard(props: { membership: Membership }) {
  const m = props.membership;
  return (
    <Card>
      <CardHeader
        title={m.planName}
        description={PLAN_TYPE_LABELS[m.planType]}
        action={<Badge tone={statusTone(m)}>{statusLabel(m)}</Badge>}
      />
      <CardBody className="space-y-1 text-sm text-slate-700">
        {m.creditsPerWeek !== null && m.planType !== 'PACK' && <p>{m.creditsPerWeek} classes a week</p>}
        <p>Started {localDateText(m.startDate, true)}</p>
        {isEnding(m) ? (
          <Alert tone="info" className="mt-2">
            {endText(m)}. It will not renew; you can book classes until then. Changed your mind? Use “Manage billing” to
            keep it going.
          </Alert>
        ) : (
          m.endDate && <p>{endText(m)}</p>
        )}
        {m.commitmentEndsOn && <p>Commitment until {localDateText(m.commitmentEndsOn, true)}</p>}
        {m.status === 'PAUSED' && (
          <Alert tone="warning" className="mt-2">
            Paused since {localDateText(m.pausedOn ?? m.startDate)}. Your credits are on hold{' '}
            {m.pause
              ? `until ${localDateText(m.pause.until)}; it resumes by itself the day after.`
              : 'until it resumes.'}
          </Alert>
        )}
        {m.status === 'ACTIVE' && m.pause && (
          <Alert tone="info" className="mt-2">
            A pause is booked from {localDateText(m.pause.from)} to {localDateText(m.pause.until)}.
          </Alert>
        )}
      </CardBody>
    </Card>
  );
}

/** The client's plan, credits this week and next, packs, and the credit history in plain words. */
export function MyMembershipPage() {
  const memberships = useMyMemberships();
  const credits = useMyCredits();
  const online = useOnlinePayments();
  return (
    <>
      <PageHeader
        title="My membership"
        description="Your plan, the credits you can book with, and where each credit went."
      />
      <div className="grid gap-5 lg:grid-cols-2">
        <section aria-labelledby="plan-heading" className="space-y-3">
          <h2 id="plan-heading" className="sr-only">
            Your plan
          </h2>
          {memberships.isPending && <Spinner label="Loading your plan…" />}
          {memberships.error && <Alert tone="error">{errorMessage(memberships.error)}</Alert>}
          {memberships.data?.length === 0 && (
            <EmptyState
              title="You don't have a plan yet"
              action={
                <Link className="font-medium text-brand-700 underline" to="/plans">
                  See the plans the studio offers
                </Link>
              }
            >
              {online
                ? 'Choose one on the plans page and pay online, or ask the studio to set one up for you.'
                : 'Ask the studio to set one up for you.'}
            </EmptyState>
          )}
          {memberships.data &&
            [...memberships.data]
              .sort((a, b) => Number(a.planType === 'PACK') - Number(b.planType === 'PACK'))
              .map((m) => <MembershipCard key={m.id} membership={m} />)}
          {memberships.data && memberships.data.length > 0 && (
            <p className="text-sm">
              <Link to="/plans" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                See all plans
              </Link>
            </p>
          )}
        </section>
        <Card>
          <CardHeader title="Your credits" description="One credit books one class." />
          <CardBody>
            {credits.isPending && <Spinner label="Loading your credits…" />}
            {credits.error && <Alert tone="error">{errorMessage(credits.error)}</Alert>}
            {credits.data && <CreditSummary data={credits.data} />}
          </CardBody>
        </Card>
        <BillingSection />
        <Card className="lg:col-span-2">
          <CardHeader title={<span id="history-heading">Credit history</span>} />
          <CardBody>
            <CreditHistory queryKey={membershipKeys.myLedger} headingId="history-heading" />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
