/** A government's targets as cards: computed status and progress, chart, interim targets. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { useProblemText } from '../forms/form';
import { EmptyState } from '../components/DataState';
import { formatDate } from '../components/format';
import { useLocale } from '../components/locale';
import { translated } from '../components/translated';
import { HistoryPanel } from './HistoryPanel';
import { TargetChart, useSourceName } from './TargetChart';
import { formatYear, useClimateFormat, type ClimateFormat } from './format';
import { ConfirmButton, Fact, ShareBar, StatusBadge, useGpcNames } from './parts';
import { refreshClimate } from './queries';
import { comparedText, excludedText } from './sources-text';
import { groupTargets } from './targets';
import { intensityUnitText } from './intensity-unit';
import type { EmissionsSeries, Target } from './types';
import type { TFunction } from 'i18next';
import { gasLabel } from '../../core/climate/formulas';

/** A level of emissions as the target states it: t CO2e, or per denominator unit. */
function levelText(target: Target, value: number, f: ClimateFormat, t: TFunction): string {
  if (target.type === 'intensity') {
    return t('units.intensity', {
      value: f.number(value, 3),
      unit: intensityUnitText(t, target.intensityUnit),
    });
  }
  return f.tonnes(value);
}

/** What the target commits to, in one sentence. */
function summaryOf(target: Target, f: ClimateFormat, t: TFunction): string {
  const year = target.targetYear === null ? t('summary.noYear') : formatYear(target.targetYear);
  const percent = target.reductionPercent === null ? null : f.percent(target.reductionPercent);
  switch (target.type) {
    case 'base-year':
      if (percent && target.baseYear !== null) {
        return t('summary.baseYear', { percent, baseYear: formatYear(target.baseYear), year });
      }
      break;
    case 'baseline-scenario':
      if (percent) return t('summary.bau', { percent, year });
      break;
    case 'intensity':
      if (percent && target.baseYear !== null) {
        return t('summary.intensity', {
          percent,
          unit: intensityUnitText(t, target.intensityUnit),
          baseYear: formatYear(target.baseYear),
          year,
        });
      }
      break;
    case 'fuel-phase-out':
      return t('summary.fuel', { fuel: target.fuel ?? t('summary.unnamedFuel'), year });
    case 'renewable-share':
      return t('summary.share', {
        share: target.sharePercent === null ? '—' : f.percent(target.sharePercent),
        year,
      });
    case 'air-quality':
      return t('summary.air', {
        pollutant: target.pollutant ?? '—',
        value: target.levelValue === null ? '—' : f.number(target.levelValue),
        unit: target.levelUnit ?? '',
        year,
      });
    default:
      break;
  }
  if (target.netZeroLabel) {
    return t('summary.netZero', { label: t(`netZeroLabels.${target.netZeroLabel}`), year });
  }
  if (target.assessment.targetLevel !== null) {
    return t('summary.level', {
      level: levelText(target, target.assessment.targetLevel, f, t),
      year,
    });
  }
  return t('summary.byYear', { year });
}

/** Why the target has its status, in words. */
function reasonOf(target: Target, f: ClimateFormat, t: TFunction): string {
  const a = target.assessment;
  const year = a.actualYear === null ? '—' : formatYear(a.actualYear);
  const actual = a.actual === null ? '—' : levelText(target, a.actual, f, t);
  const expected = a.expected === null ? '—' : levelText(target, a.expected, f, t);
  const level = a.targetLevel === null ? '—' : levelText(target, a.targetLevel, f, t);
  switch (a.status) {
    case 'achieved':
      return t('reasons.achieved', { year, actual, level });
    case 'on-track':
      return t('reasons.onTrack', { year, actual, expected });
    case 'off-track':
      return t('reasons.offTrack', {
        year,
        actual,
        expected,
        gap: a.gap === null ? '—' : levelText(target, Math.abs(a.gap), f, t),
      });
    case 'stale':
      return t(a.onPathway ? 'reasons.staleOnPathway' : 'reasons.staleOffPathway', {
        year,
        asOf: formatYear(a.asOfYear),
      });
    case 'not-assessable':
      return a.reason ? t(`notAssessable.${a.reason}`) : t('notAssessable.unknown');
  }
}

function TrendNote({ target }: { target: Target }) {
  const { t } = useTranslation('climate');
  const trend = target.assessment.trend;
  if (!trend) return null;
  const range = { from: formatYear(trend.fromYear), to: formatYear(trend.toYear) };
  const reach = target.assessment.trendYear;
  let text: string;
  if (reach === null) text = t('trend.notFalling', range);
  else if (target.targetYear !== null && reach > target.targetYear) {
    text = t('trend.late', { ...range, year: formatYear(reach) });
  } else text = t('trend.reaches', { ...range, year: formatYear(reach) });
  return <p className="climate-target__note">{text}</p>;
}

function BenchmarkNote({ target }: { target: Target }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const b = target.assessment.benchmark;
  if (!b) return null;
  return (
    <div className="climate-benchmark" data-testid="climate-benchmark">
      <p>
        <strong>{t('benchmark.title')}</strong>{' '}
        <span className={`climate-pill climate-pill--${b.aligned ? 'good' : 'bad'}`}>
          {t(b.aligned ? 'benchmark.aligned' : 'benchmark.notAligned')}
        </span>
      </p>
      <p>
        {t('benchmark.explain', {
          emissions2019: f.tonnes(b.emissions2019),
          benchmark: f.tonnes(b.benchmark2030),
        })}{' '}
        {b.reductionFrom2019Percent >= 0
          ? t('benchmark.target', {
              target: f.tonnes(b.target2030),
              reduction: f.percent(b.reductionFrom2019Percent),
            })
          : t('benchmark.targetAbove', {
              target: f.tonnes(b.target2030),
              increase: f.percent(-b.reductionFrom2019Percent),
            })}
      </p>
    </div>
  );
}

/**
 * Which total the assessment compares (from the target's coverage, or assumed), and the years
 * it leaves out with why: shown, not used.
 */
function ComparabilityNote({ target }: { target: Target }) {
  const { t } = useTranslation('climate');
  const a = target.assessment;
  const compared = comparedText(a, t);
  if (compared === null && a.excluded.length === 0) return null;
  return (
    <div className="climate-comparability" data-testid="climate-comparability">
      {compared && <p className="climate-target__note">{compared}</p>}
      {a.excluded.length > 0 && (
        <>
          <p className="climate-target__note">
            <strong>{t('comparability.excludedTitle')}</strong>
          </p>
          <ul className="climate-excluded">
            {a.excluded.map((e) => (
              <li key={`${e.year}-${e.code}`} data-testid="climate-excluded">
                {excludedText(e, t)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function TargetDetails({ target }: { target: Target }) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const gpc = useGpcNames();
  const none = <span className="muted">{t('notGiven')}</span>;
  const tonnes = (v: number | null) => (v === null ? none : f.tonnes(v));
  const year = (v: number | null) => (v === null ? none : formatYear(v));
  const c = target.coverage;
  const emissions = ['base-year', 'fixed-level', 'baseline-scenario', 'intensity'].includes(
    target.type,
  );
  return (
    <details className="climate-details">
      <summary>{t('target.details')}</summary>
      <dl className="climate-facts">
        <Fact label={t('fields.type')}>{t(`targetTypes.${target.type}`)}</Fact>
        {target.description && <Fact label={t('fields.description')}>{target.description}</Fact>}
        <Fact label={t('fields.baseYear')}>{year(target.baseYear)}</Fact>
        {emissions && <Fact label={t('fields.baseEmissions')}>{tonnes(target.baseEmissions)}</Fact>}
        <Fact label={t('fields.targetYear')}>{year(target.targetYear)}</Fact>
        {target.reductionPercent !== null && (
          <Fact label={t('fields.reductionPercent')}>{f.percent(target.reductionPercent)}</Fact>
        )}
        {target.targetEmissions !== null && (
          <Fact label={t('fields.targetEmissions')}>{tonnes(target.targetEmissions)}</Fact>
        )}
        {target.bauEmissions !== null && (
          <Fact label={t('fields.bauEmissions')}>{tonnes(target.bauEmissions)}</Fact>
        )}
        {target.baseIntensity !== null && (
          <Fact label={t('fields.baseIntensity')}>
            {levelText(target, target.baseIntensity, f, t)}
          </Fact>
        )}
        {emissions && target.assessment.targetLevel !== null && (
          <Fact label={t('target.level')}>
            {levelText(target, target.assessment.targetLevel, f, t)}
          </Fact>
        )}
        {emissions && (
          <>
            <Fact label={t('fields.gases')}>
              {c.gases.length ? c.gases.map(gasLabel).join(', ') : none}
            </Fact>
            <Fact label={t('fields.scopes')}>
              {c.scopes.length
                ? c.scopes.map((s) => t('scope', { scope: s })).join(t('list.separator'))
                : none}
            </Fact>
            <Fact label={t('fields.sectors')}>
              {c.sectors.length
                ? c.sectors.map((s) => `${s} ${gpc.sector(s)}`).join(t('list.separator'))
                : none}
            </Fact>
            <Fact label={t('fields.boundary')}>{t(`boundaries.${c.boundary}`)}</Fact>
          </>
        )}
        <Fact label={t('fields.status')}>{t(`targetStatuses.${target.status}`)}</Fact>
        <Fact label={t('fields.dateSet')}>
          {target.dateSet ? formatDate(target.dateSet, f.locale) : none}
        </Fact>
        <Fact label={t('fields.source')}>
          {target.sourceUrl ? (
            <a href={target.sourceUrl} rel="noopener noreferrer" target="_blank">
              {target.sourceDocument ?? target.sourceUrl}
            </a>
          ) : (
            (target.sourceDocument ?? none)
          )}
        </Fact>
        {target.initiatives.length > 0 && (
          <Fact label={t('fields.initiatives')}>
            {target.initiatives.join(t('list.separator'))}
          </Fact>
        )}
        <Fact label={t('fields.offsetsAllowed')}>
          {target.offsetsAllowed === null ? none : t(target.offsetsAllowed ? 'yes' : 'no')}
        </Fact>
      </dl>
    </details>
  );
}

function TargetCard({
  target,
  interims,
  series,
  slug,
  editable,
  isInterim = false,
}: {
  target: Target;
  interims: Target[];
  series: EmissionsSeries | undefined;
  slug: string;
  editable: boolean;
  isInterim?: boolean;
}) {
  const { t } = useTranslation('climate');
  const f = useClimateFormat();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const problemText = useProblemText();
  const a = target.assessment;
  const title = translated(target.titles, target.title, locale);
  const remove = useMutation({
    mutationFn: () => api.del(`/api/v1/targets/${target.id}`),
    onSuccess: () => refreshClimate(queryClient, slug),
  });
  const headingId = `target-${target.id}-title`;
  const sourceName = useSourceName();
  const summary = summaryOf(target, f, t);

  return (
    <article
      className={`climate-target${isInterim ? ' climate-target--interim' : ''}`}
      id={`target-${target.id}`}
      aria-labelledby={headingId}
      data-testid="climate-target-card"
      data-target-id={target.id}
    >
      <header className="climate-target__header">
        <div>
          <p className="climate-target__kind">
            {isInterim && <span className="badge">{t('target.interim')}</span>}{' '}
            <span>{t(`targetTypes.${target.type}`)}</span>
            {target.netZeroLabel && (
              <>
                {' '}
                <span className="badge badge--office">
                  {t(`netZeroLabels.${target.netZeroLabel}`)}
                </span>
              </>
            )}{' '}
            <span className="tag">{t(`targetStatuses.${target.status}`)}</span>
          </p>
          {isInterim ? (
            <h4 id={headingId} className="climate-target__title">
              {title}
            </h4>
          ) : (
            <h3 id={headingId} className="climate-target__title">
              {title}
            </h3>
          )}
          {/* Imported titles often say the same as the summary: say it once. */}
          {summary.toLocaleLowerCase() !== title.trim().toLocaleLowerCase() && (
            <p className="climate-target__summary">{summary}</p>
          )}
        </div>
        {editable && (
          <div className="climate-tools">
            <Link
              className="button button--small button--secondary"
              to={`/members/${slug}/climate/targets/${target.id}/edit`}
              data-testid="target-edit"
            >
              {t('common:edit')}
            </Link>
            <ConfirmButton
              label={t('common:delete')}
              question={t('target.deleteQuestion')}
              confirmLabel={t('target.deleteConfirm')}
              onConfirm={() => remove.mutate()}
              pending={remove.isPending}
              danger
              testId="target-delete"
            />
          </div>
        )}
      </header>
      {remove.isError && (
        <p className="climate-error" role="alert">
          {problemText(remove.error)}
        </p>
      )}

      <div className="climate-target__assessment">
        <div className="climate-target__status">
          <StatusBadge status={a.status} />
          <p className="climate-target__reason">{reasonOf(target, f, t)}</p>
          {a.actualSource === 'inventory-illustrative' && (
            <p className="climate-illustrative" role="note" data-testid="target-illustrative">
              <strong>{t('inventory.illustrative')}</strong> {t('target.illustrativeBasis')}
            </p>
          )}
        </div>
        {(a.progress !== null || target.selfReported) && (
          <div className="climate-progress-pair">
            {a.progress !== null && (
              <div className="climate-progress" data-testid="climate-progress">
                <p className="climate-progress__label">
                  <span>{t('progress.computed')}</span>{' '}
                  <strong className="climate-progress__value">{f.share(a.progress)}</strong>
                </p>
                <ShareBar fraction={a.progress} label={t('progress.computed')} />
                <p className="climate-progress__hint">
                  {t('progress.basis', {
                    year: a.actualYear === null ? '—' : formatYear(a.actualYear),
                    source: a.actualSource ? sourceName(a.actualSource, null) : '—',
                  })}
                </p>
              </div>
            )}
            {target.selfReported && (
              <div
                className="climate-progress climate-progress--reported"
                data-testid="climate-self-reported"
              >
                <p className="climate-progress__label">
                  {target.selfReported.source === null
                    ? t('progress.selfReportedUnnamed', {
                        value: f.percent(target.selfReported.progressPercent),
                      })
                    : t('progress.selfReported', {
                        source: target.selfReported.source,
                        value: f.percent(target.selfReported.progressPercent),
                      })}
                </p>
                <ShareBar
                  fraction={target.selfReported.progressPercent / 100}
                  label={
                    target.selfReported.source === null
                      ? t('progress.selfReportedUnnamedShort')
                      : t('progress.selfReportedShort', { source: target.selfReported.source })
                  }
                  variant="reported"
                />
                <p className="climate-progress__hint">{t('progress.notUsed')}</p>
              </div>
            )}
          </div>
        )}
        <TrendNote target={target} />
        <ComparabilityNote target={target} />
        <BenchmarkNote target={target} />
      </div>

      {series && <TargetChart target={target} series={series} />}
      <TargetDetails target={target} />
      {editable && (
        <HistoryPanel entityType="target" id={target.id} slug={slug} canRestore={editable} />
      )}

      {interims.length > 0 && (
        <section className="climate-target__interims" aria-labelledby={`${headingId}-interims`}>
          <h4 id={`${headingId}-interims`}>{t('target.interimTargets')}</h4>
          {interims.map((interim) => (
            <TargetCard
              key={interim.id}
              target={interim}
              interims={[]}
              series={series}
              slug={slug}
              editable={editable}
              isInterim
            />
          ))}
        </section>
      )}
    </article>
  );
}

export function TargetsSection({
  targets,
  series,
  slug,
  editable,
}: {
  targets: Target[];
  series: EmissionsSeries | undefined;
  slug: string;
  editable: boolean;
}) {
  const { t } = useTranslation('climate');
  const groups = groupTargets(targets);
  return (
    <section className="panel climate-section" aria-labelledby="climate-targets-title">
      <div className="panel__header">
        <h2 id="climate-targets-title">{t('targets.title')}</h2>
        {editable && (
          <Link
            className="button button--small"
            to={`/members/${slug}/climate/targets/new`}
            data-testid="target-new"
          >
            {t('targets.add')}
          </Link>
        )}
      </div>
      <p className="climate-lead">{t('targets.lead')}</p>
      {groups.length === 0 ? (
        <EmptyState title={t('targets.emptyTitle')}>
          <p>{editable ? t('targets.emptyEditable') : t('targets.empty')}</p>
        </EmptyState>
      ) : (
        <div className="climate-targets">
          {groups.map((group) => (
            <TargetCard
              key={group.target.id}
              target={group.target}
              interims={group.interims}
              series={series}
              slug={slug}
              editable={editable}
            />
          ))}
        </div>
      )}
    </section>
  );
}
