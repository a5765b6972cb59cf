/**
 * Memberships, invoices and the fee schedule: the secretariat's pages in the admin frame, each
 * loaded on demand, and the membership section of a government's admin page (MembershipPanel,
 * which the admin area shows for those the policy lets manage memberships).
 */
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { RouteObject } from 'react-router';
import { AdminFrame, Allowed } from '../app/AdminFrame';
import { Loading } from '../components/DataState';
import './membership.css';
import { lazyWithNamespaces } from '../i18n/lazy';

const InvoicesPage = lazyWithNamespaces(() => import('./InvoicesPage'), ['admin', 'membership']);
const FeeSchedulePage = lazyWithNamespaces(
  () => import('./FeeSchedulePage'),
  ['admin', 'membership'],
);
const MembershipSection = lazyWithNamespaces(
  () => import('./MembershipSection'),
  ['admin', 'membership'],
);

function page(Page: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

/** A government's membership, for its admin page. */
export function MembershipPanel({ slug }: { slug: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <MembershipSection slug={slug} />
    </Suspense>
  );
}

export const membershipRoutes: RouteObject[] = [
  {
    path: '/admin',
    element: <AdminFrame />,
    children: [
      {
        path: 'invoices',
        element: <Allowed action="invoice.manage">{page(InvoicesPage)}</Allowed>,
      },
      {
        path: 'fees',
        element: <Allowed action="feeSchedule.edit">{page(FeeSchedulePage)}</Allowed>,
      },
    ],
  },
];
