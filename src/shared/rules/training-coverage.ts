/**
 * 工作方案 五、(三) 培训: "实现…业务培训全覆盖". A unit's coverage for a year is the share of its staff
 * accounts (institute and station admins) who attended at least one training that year; a unit where
 * nobody was trained (including one without any staff account yet) is shown red.
 */
export interface Coverage {
  /** 0–100, rounded down so that 99.6 % is not shown as full coverage. */
  percent: number;
  nobodyTrained: boolean;
  full: boolean;
}

export function coverageOf(staffCount: number, trainedCount: number): Coverage {
  const staff = Math.max(0, Math.floor(staffCount));
  const trained = Math.min(staff, Math.max(0, Math.floor(trainedCount)));
  const percent = staff === 0 ? 0 : Math.floor((trained * 100) / staff);
  return { percent, nobodyTrained: trained === 0, full: staff > 0 && trained === staff };
}
