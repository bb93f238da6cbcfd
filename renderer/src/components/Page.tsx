/** A page frame: a title bar with optional actions, then the body (a grid fills the rest of the window). */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function Page({ title, subtitle, extra, children, fill = true }: {
  title: string; subtitle?: ReactNode; extra?: ReactNode; children: ReactNode; fill?: boolean;
}) {
  return (
    <div className={fill ? 'jw-page jw-page-fill' : 'jw-page'}>
      <div className="jw-page-head">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>
          {subtitle && <div className="jw-page-sub">{subtitle}</div>}
        </div>
        {extra}
      </div>
      <div className="jw-page-body">{children}</div>
    </div>
  );
}
