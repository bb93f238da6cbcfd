/**
 * 学校信息: the school profile, and the school years and terms (start date, teaching weeks, which is current).
 * Every other page works within the current term.
 */
import { CheckCircleFilled, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, InputNumber, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolProfileInput, SchoolYear, Term } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useAppState } from '../../app/AppState';
import { formFieldErrors, useApiError } from '../../app/useApiError';
import { Page } from '../../components/Page';
import { SchoolForm } from '../../components/SchoolForm';
import { schoolYearStart } from '../../../../shared/domain/calendar';
import { schoolYmd } from '../../../../shared/domain/dates';
import { BehindCard } from '../mentors';

interface TermForm { id?: number; schoolYearId: number; termNo: 1 | 2; startDate: Dayjs; teachingWeeks: number }

function ProfileCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh } = useAppState();
  const showError = useApiError();
  const [form] = Form.useForm<SchoolProfileInput>();
  const [loaded, setLoaded] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.call('school/getProfile', {}).then((p) => {
      if (p) form.setFieldsValue(p);
      setLoaded(true);
    }, showError);
  }, [form, showError]);

  const onSave = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.call('school/saveProfile', values);
      void message.success(t('common.saved'));
      await refresh();
    } catch (e) {
      form.setFields(formFieldErrors(t, e) as never);
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('school.profile')} loading={!loaded} extra={<Button type="primary" onClick={onSave} loading={saving} data-testid="school-save">{t('common.save')}</Button>}>
      <SchoolForm form={form} />
    </Card>
  );
}

function TermsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { terms, refresh, setCurrentTerm } = useAppState();
  const showError = useApiError();
  const [years, setYears] = useState<SchoolYear[]>([]);
  const [newYear, setNewYear] = useState<number | null>(null);
  const [editing, setEditing] = useState<Partial<TermForm> | null>(null);
  const [form] = Form.useForm<TermForm>();

  const loadYears = useCallback(() => {
    api.call('school/listYears', {}).then((y) => {
      setYears(y);
      const max = Math.max(schoolYmd().year - 1, ...y.map((x) => x.startYear));
      setNewYear(y.length ? max + 1 : schoolYearStart(new Date()));
    }, showError);
  }, [showError]);
  useEffect(loadYears, [loadYears]);

  const addYear = async () => {
    if (!newYear) return;
    try {
      const y = await api.call('school/saveYear', { startYear: newYear });
      void message.success(t('school.yearAdded', { name: y.name }));
      loadYears();
    } catch (e) {
      showError(e);
    }
  };

  const openTerm = (term?: Term) => {
    const init: Partial<TermForm> = term
      ? { id: term.id, schoolYearId: term.schoolYearId, termNo: term.termNo, startDate: dayjs(term.startDate), teachingWeeks: term.teachingWeeks }
      : { schoolYearId: years[years.length - 1]?.id, termNo: 1, teachingWeeks: 20 };
    form.resetFields();
    form.setFieldsValue(init as TermForm);
    setEditing(init);
  };

  const saveTerm = async () => {
    const v = await form.validateFields();
    try {
      await api.call('school/saveTerm', { id: editing?.id, schoolYearId: v.schoolYearId, termNo: v.termNo, startDate: v.startDate.format('YYYY-MM-DD'), teachingWeeks: v.teachingWeeks });
      setEditing(null);
      void message.success(t('common.saved'));
      await refresh();
    } catch (e) {
      form.setFields(formFieldErrors(t, e) as never);
      showError(e);
    }
  };

  const sorted = [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return (
    <Card
      title={t('school.yearsTerms')}
      extra={
        <Space>
          <Space.Compact>
            <InputNumber min={2000} max={2100} value={newYear} onChange={setNewYear} style={{ width: 150 }} data-testid="year-input"
              prefix={t('school.yearStartLabel')} aria-label={t('school.yearStartLabel')} />
            <Button icon={<PlusOutlined />} onClick={addYear} data-testid="year-add">{t('school.addYear')}</Button>
          </Space.Compact>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openTerm()} disabled={!years.length} data-testid="term-add">
            {t('school.addTerm')}
          </Button>
        </Space>
      }
    >
      <Table<Term>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sorted}
        locale={{ emptyText: years.length ? t('school.noTerms') : t('school.noYears') }}
        columns={[
          { title: t('fields.term'), dataIndex: 'name', width: 210 },
          { title: t('fields.startDate'), dataIndex: 'startDate', width: 110 },
          { title: t('fields.teachingWeeks'), dataIndex: 'teachingWeeks', width: 90, align: 'right' },
          {
            title: t('common.status'), width: 110,
            render: (_, r) => (r.isCurrent ? <Tag icon={<CheckCircleFilled />} color="blue">{t('school.current')}</Tag> : null),
          },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => openTerm(r)}>{t('common.edit')}</Button>
                {!r.isCurrent && (
                  <Button type="link" size="small" onClick={() => setCurrentTerm(r.id).catch(showError)} data-testid={`term-current-${r.id}`}>
                    {t('school.setCurrent')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {years.length > 0 && (
        <div className="jw-muted" style={{ marginTop: 8 }}>
          {t('school.yearsList', { years: years.map((y) => y.name).join('、') })}
        </div>
      )}
      <Modal open={!!editing} title={editing?.id ? t('school.editTerm') : t('school.addTerm')} onCancel={() => setEditing(null)} onOk={saveTerm} destroyOnHidden>
        <Form<TermForm> form={form} layout="vertical">
          <Form.Item name="schoolYearId" label={t('fields.schoolYear')} rules={[{ required: true, message: t('errors.required') }]}>
            <Select options={years.map((y) => ({ value: y.id, label: y.name }))} />
          </Form.Item>
          <Form.Item name="termNo" label={t('fields.termNo')} rules={[{ required: true, message: t('errors.required') }]}>
            <Radio.Group options={[{ value: 1, label: t('school.term1') }, { value: 2, label: t('school.term2') }]} />
          </Form.Item>
          <div className="jw-form-row">
            <Form.Item name="startDate" label={t('fields.startDate')} rules={[{ required: true, message: t('errors.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="teachingWeeks" label={t('fields.teachingWeeks')} rules={[{ required: true, message: t('errors.required') }]}>
              <InputNumber min={1} max={30} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        </Form>
      </Modal>
    </Card>
  );
}

export default function SchoolPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav.school')} subtitle={t('school.subtitle')} fill={false}>
      <div className="jw-school-grid">
        <ProfileCard />
        <TermsCard />
        <BehindCard />
      </div>
    </Page>
  );
}
