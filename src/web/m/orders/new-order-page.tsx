import { Link, useNavigate } from 'react-router-dom';
import { ResidentOrderForm } from '../../lib/order-form';
import { useSession } from '../../lib/session';
import { useTitle } from '../../lib/title';
import { Loading, SignInFirst } from '../components/sign-in-first';
import styles from '../mobile.module.css';
import o from './orders.module.css';

/** `/m/orders/new` 我要点单: the phone's frame around the resident order form (signed in, own station). */
export default function NewOrderPage() {
  useTitle('我要点单');
  const session = useSession();
  const navigate = useNavigate();

  if (session.isPending) return <Loading />;
  if (!session.data) {
    return (
      <SignInFirst
        text="登录后就可以向社区实践站点单，志愿者会上门服务。不方便用手机的，也可以直接打电话给社区实践站，由工作人员帮您登记。"
        next="/m/orders/new"
      />
    );
  }
  const own = session.data.roles.find((r) => r.role === 'resident' || r.role === 'volunteer' || r.role === 'team_leader' || r.role === 'station_admin');
  return (
    <>
      <Link to="/m/orders" className={styles.back}>
        ‹ 我的点单
      </Link>
      <h2 className="sr-only">我要点单</h2>
      <p className={o.lead}>选一项服务，说说您的需要。实践站工作人员会先打电话和您核实，再安排志愿者上门。</p>
      <ResidentOrderForm
        who="member"
        ownStation={own ? { id: own.unitId, name: own.unitName } : undefined}
        onPlaced={(order) => navigate(`/m/orders/${order.id}`, { state: { placed: true } })}
      />
    </>
  );
}
