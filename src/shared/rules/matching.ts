import { chinaWeekdayHour } from '../china-time';
import { distanceMeters } from './attendance';

/**
 * Suggesting volunteers for an order (the 派单 step): skills and category fit, home station and
 * distance, availability at the preferred time, current open load (to spread the work) and past
 * ratings. Every point comes with its reason, so staff see why someone is suggested (and PIPL
 * 第二十四条's transparency for automated decisions holds). Staff still choose; nobody is forced
 * to take an order (条例 第二十五条).
 */
export interface Candidate {
  volunteerId: string;
  name: string;
  stationId: string;
  skills: string[];
  serviceCategories: string[];
  availability: string[];
  lat: number | null;
  lng: number | null;
  openOrders: number;
  averageRating: number | null;
  ratedOrders: number;
}

export interface OrderNeed {
  stationId: string;
  requiredSkills: string[];
  serviceCategory: string | null;
  lat: number | null;
  lng: number | null;
  /** A weekday-part slot such as "sat-am", from the preferred time. */
  slot: string | null;
}

export interface Suggestion {
  volunteerId: string;
  name: string;
  score: number;
  reasons: string[];
}

export const WEIGHTS = { skill: 30, category: 10, station: 15, distance: 15, availability: 15, load: 10, rating: 5 };

export function rankCandidates(need: OrderNeed, candidates: Candidate[], limit = 10): Suggestion[] {
  return candidates
    .map((c) => {
      let score = 0;
      const reasons: string[] = [];
      if (need.requiredSkills.length) {
        const have = need.requiredSkills.filter((s) => c.skills.includes(s));
        if (have.length === need.requiredSkills.length) {
          score += WEIGHTS.skill;
          reasons.push(`具备所需技能：${have.join('、')}`);
        } else if (have.length) {
          score += Math.round((WEIGHTS.skill * have.length) / need.requiredSkills.length);
          reasons.push(`具备部分技能：${have.join('、')}`);
        }
      }
      if (need.serviceCategory && c.serviceCategories.includes(need.serviceCategory)) {
        score += WEIGHTS.category;
        reasons.push(`服务意向包含“${need.serviceCategory}”`);
      }
      if (c.stationId === need.stationId) {
        score += WEIGHTS.station;
        reasons.push('同一社区');
      }
      if (need.lat !== null && need.lng !== null && c.lat !== null && c.lng !== null) {
        const km = distanceMeters(need.lat, need.lng, c.lat, c.lng) / 1000;
        const pts = Math.max(0, Math.round(WEIGHTS.distance * (1 - Math.min(km, 5) / 5)));
        if (pts > 0) {
          score += pts;
          reasons.push(`距离约 ${km < 1 ? `${Math.round(km * 1000)} 米` : `${km.toFixed(1)} 公里`}`);
        }
      }
      if (need.slot && c.availability.includes(need.slot)) {
        score += WEIGHTS.availability;
        reasons.push('期望时间有空');
      }
      const loadPts = Math.max(0, WEIGHTS.load - c.openOrders * 4);
      score += loadPts;
      reasons.push(c.openOrders === 0 ? '目前没有进行中的派单' : `目前有 ${c.openOrders} 个进行中的派单`);
      if (c.averageRating !== null && c.ratedOrders > 0) {
        score += Math.round((WEIGHTS.rating * (c.averageRating - 1)) / 4);
        reasons.push(`以往评价 ${c.averageRating.toFixed(1)} 星（${c.ratedOrders} 单）`);
      }
      return { volunteerId: c.volunteerId, name: c.name, score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit);
}

/** "sat-am" for a moment in Beijing time: am before 12:00, pm before 18:00, eve after. */
export function slotOf(iso: string): string {
  const { weekday, hour: h } = chinaWeekdayHour(iso);
  const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][weekday];
  return `${day}-${h < 12 ? 'am' : h < 18 ? 'pm' : 'eve'}`;
}
