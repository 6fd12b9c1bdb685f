import { ROLES } from '../../../shared/labels';
import type { SessionView } from '../../../shared/accounts';
import styles from '../mobile.module.css';

/** 我的身份: each role as a badge (staff roles red) and the unit it holds in. */
export function RoleList({ roles }: { roles: SessionView['roles'] }) {
  return (
    <ul className={styles.roles} aria-label="我的身份">
      {roles.map((r) => (
        <li key={`${r.role}-${r.unitId}`}>
          <span className={ROLES[r.role].staff ? styles.badge : `${styles.badge} ${styles.badgeGrey}`}>{ROLES[r.role].label}</span>
          <span>{r.unitName}</span>
        </li>
      ))}
    </ul>
  );
}
