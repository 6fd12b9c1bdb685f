import { useParams } from 'react-router-dom';
import type { PublicCertificateView } from '../../shared/certificates';
import { formatDateTime } from '../lib/format';
import { usePublicCertificate } from '../lib/queries/certificates';
import { PRODUCT_NAME, useTitle } from '../lib/title';
import { PortalHeader } from './portal-header';
import styles from './portal.module.css';
import { cleanCertificateNumber, NumberForm } from './verify-form';
import v from './verify.module.css';

/**
 * 证明核验 (办法 第十七条: a certificate is checkable by anyone). The QR code on the PDF opens this
 * page; it needs no login and shows only masked facts to compare with the paper.
 */
export default function VerifyPage() {
  const { number: raw = '' } = useParams();
  const number = cleanCertificateNumber(raw);
  useTitle(number ? `证明核验 ${number}` : '证明核验');

  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={v.main}>
        <h1 className={v.title}>志愿服务记录证明核验</h1>
        <p className={v.lead}>输入证明上的编号，或用手机扫描证明上的二维码，核对证明是否真实有效。</p>
        <NumberForm initial={number} key={number} />
        {number ? <Result number={number} /> : null}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}

function Result({ number }: { number: string }) {
  const cert = usePublicCertificate(number);

  if (cert.isPending) {
    return (
      <p className={v.state} role="status">
        正在核验…
      </p>
    );
  }
  if (cert.error) {
    return (
      <div className={v.state} role="alert">
        <p>暂时无法核验：{cert.error.message}</p>
        <button type="button" className={styles.retry} onClick={() => void cert.refetch()}>
          重试
        </button>
      </div>
    );
  }
  if (!cert.data) {
    return (
      <section className={v.result} aria-labelledby="verdict" aria-live="polite">
        <div className={`${v.verdict} ${v.missing}`}>
          <span className={v.mark} aria-hidden="true">
            ?
          </span>
          <div>
            <h2 id="verdict" className={v.verdictTitle}>
              未找到
            </h2>
            <p className={v.verdictText}>
              没有编号为 <span className={v.mono}>{number}</span> 的证明。请核对编号；如有疑问，请联系出具证明的实践站。
            </p>
          </div>
        </div>
      </section>
    );
  }
  return <Verdict cert={cert.data} />;
}

function Verdict({ cert }: { cert: PublicCertificateView }) {
  const valid = cert.status === 'valid';
  return (
    <section className={v.result} aria-labelledby="verdict" aria-live="polite">
      <div className={`${v.verdict} ${valid ? v.valid : v.revoked}`}>
        <span className={v.mark} aria-hidden="true">
          {valid ? '✓' : '✗'}
        </span>
        <div>
          <h2 id="verdict" className={v.verdictTitle}>
            {valid ? '有效' : '已作废'}
          </h2>
          <p className={v.verdictText}>
            {valid ? '这份志愿服务记录证明由本平台出具，真实有效。' : `这份证明已于 ${formatDateTime(cert.revokedAt).slice(0, 10)} 作废，不能再作为证明使用。`}
          </p>
        </div>
      </div>
      <dl className={v.facts}>
        <dt>证明编号</dt>
        <dd className={v.mono}>{cert.number}</dd>
        <dt>志愿者</dt>
        <dd>{cert.holderName}</dd>
        {cert.idNumberMasked ? (
          <>
            <dt>身份证号</dt>
            <dd className={v.mono}>{cert.idNumberMasked}</dd>
          </>
        ) : null}
        {cert.volunteerNo ? (
          <>
            <dt>志愿者编号</dt>
            <dd className={v.mono}>{cert.volunteerNo}</dd>
          </>
        ) : null}
        <dt>服务期间</dt>
        <dd>
          {cert.from} 至 {cert.to}
        </dd>
        <dt>认定服务时长</dt>
        <dd>{cert.hours} 小时</dd>
        <dt>服务次数</dt>
        <dd>{cert.serviceCount} 次</dd>
        <dt>出具单位</dt>
        <dd>{cert.unitName}</dd>
        <dt>出具日期</dt>
        <dd>{cert.issuedOn}</dd>
      </dl>
      <p className={v.note}>为保护个人信息，姓名和证件号码只显示部分，请与纸质证明上的内容对照。</p>
    </section>
  );
}
