export function PageLoading({ label = '正在加载…' }: { label?: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      {label}
    </div>
  );
}
