/** Rows → views (pure, over preloaded rows). */
import {
  NEWS_CATEGORIES,
  NEWS_STATUS_LABELS,
  type NewsSummary,
  type PublicNewsSummary,
  SUBMISSION_STATUS_LABELS,
  type SubmissionStatus,
} from '../../../shared/news';
import type { NewsSubmissionsTable } from '../../db/schema';
import type { NewsRow } from './news.queries';
import { plainSummary } from './news.sanitize';

export function submissionStatusOf(latest: NewsSubmissionsTable | undefined): SubmissionStatus {
  return latest?.status ?? 'none';
}

export function presentSummary(r: NewsRow, latest: NewsSubmissionsTable | undefined): NewsSummary {
  const submission = submissionStatusOf(latest);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    title: r.title,
    category: r.category,
    categoryLabel: NEWS_CATEGORIES[r.category],
    summary: r.summary,
    coverFileId: r.cover_file_id,
    status: r.status,
    statusLabel: NEWS_STATUS_LABELS[r.status],
    submission,
    submissionLabel: SUBMISSION_STATUS_LABELS[submission],
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
  };
}

export function presentPublicSummary(r: NewsRow): PublicNewsSummary {
  return {
    id: r.id,
    unitName: r.unit_name,
    title: r.title,
    category: r.category,
    categoryLabel: NEWS_CATEGORIES[r.category],
    summary: r.summary ?? plainSummary(r.body_html),
    coverUrl: r.cover_file_id ? `/api/public/news-images/${r.cover_file_id}` : null,
    publishedAt: r.published_at ?? r.updated_at,
  };
}
