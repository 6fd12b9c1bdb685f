import { useSearchParams } from 'react-router-dom';
import { ResidentOrderForm } from '../../lib/order-form';
import { PRODUCT_NAME, useTitle } from '../../lib/title';
import { PortalHeader } from '../portal-header';
import styles from '../portal.module.css';
import f from './order.module.css';

/**
 * 群众点单 on the public portal, for residents without an account: the portal's frame around the
 * resident order form. The station calls the number back to verify the person and the need
 * (条例 第十三条) before anything is dispatched.
 */
export default function PortalOrderPage() {
  useTitle('群众点单');
  const [search] = useSearchParams();
  return (
    <div className={styles.page}>
      <PortalHeader />
      <main id="content" className={f.main}>
        <h1 className={f.title}>群众点单</h1>
        <p className={f.lead}>家里有事需要帮忙？告诉社区实践站，志愿者为您上门服务：理发、陪同就医、家电维修、作业辅导、法律咨询……</p>
        <ResidentOrderForm who="guest" initialStationId={search.get('station') ?? ''} />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerProduct}>{PRODUCT_NAME}</p>
        </div>
      </footer>
    </div>
  );
}
