import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY, type ConditionName, type RoleGrants } from '../../src/core/policy';
import { ROLES } from '../../src/core/roles';

/**
 * docs/SECURITY.md shows who may do what; this keeps that table the policy's own: a change to
 * src/core/policy.ts that the document does not show fails here, with the table to paste.
 */

const CONDITION_WORDS: Record<ConditionName, string> = {
  ownGovernment: 'own government',
  personWhollyOwn: 'people of own government only',
  positionForOwnPerson: 'own government, own people',
  invited: 'when invited',
  ownAccount: 'own account',
};

function policyTable(): string {
  const header = `| action | ${ROLES.join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => '---').join(' | ')} |`;
  const rows = Object.entries(POLICY).map(([action, grants]) => {
    const cells = ROLES.map((role) => {
      const grant = (grants as RoleGrants)[role];
      return grant === undefined ? '—' : grant === true ? 'yes' : CONDITION_WORDS[grant];
    });
    return `| \`${action}\` | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

describe('docs/SECURITY.md', () => {
  it('shows the policy table as src/core/policy.ts declares it', () => {
    const doc = fs.readFileSync(new URL('../../docs/SECURITY.md', import.meta.url), 'utf8');
    const table = policyTable();
    // Prettier pads the document's columns; cells are compared without the padding.
    const unpadded = (text: string) =>
      text
        .split('\n')
        .map((line) =>
          line
            .trim()
            .replace(/\s*\|\s*/g, '|')
            .replace(/:?-{3,}:?/g, '---'),
        )
        .join('\n');
    expect(
      unpadded(doc).includes(unpadded(table)),
      `docs/SECURITY.md should contain:\n\n${table}\n`,
    ).toBe(true);
  });
});
