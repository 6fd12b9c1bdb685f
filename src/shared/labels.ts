/**
 * Label tables with no zod in them, so the light mobile pages can show them without loading the
 * schema library. The schema files re-export what they need from here.
 */

/** Roles and the kind of scope each one carries (domain.md, "Who uses it"). */
export const ROLES = {
  district_viewer: { label: '区中心查看', scope: 'district', staff: true },
  institute_admin: { label: '实践所管理员', scope: 'institute', staff: true },
  station_admin: { label: '实践站管理员', scope: 'station', staff: true },
  team_leader: { label: '队长', scope: 'team', staff: true },
  volunteer: { label: '志愿者', scope: 'self', staff: false },
  resident: { label: '居民', scope: 'self', staff: false },
} as const;
