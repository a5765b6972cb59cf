import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Attribution } from '../../core/attribution';

/**
 * Who did something, in words: a user by the name the API gives; Accord's own actors (the
 * system, the demo loader, the command line, …) and users shown by role, in the reader's
 * language, never by the English label the records keep.
 */
export function actorText(t: TFunction, actor: Attribution): string {
  if (actor.kind === 'user') return actor.label;
  if (actor.kind === 'sign-in') return t('common:actors.sign-in', { address: actor.label });
  return t(`common:actors.${actor.kind}`);
}

export function ActorName({ actor }: { actor: Attribution }) {
  const { t } = useTranslation();
  return <>{actorText(t, actor)}</>;
}
