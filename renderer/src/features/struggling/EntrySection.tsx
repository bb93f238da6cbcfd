/** Dated entries of one kind in a file (辅导记录, 家校联系/家访, 阶段评估): a list with add and delete. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, type ButtonProps, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_WAYS, type EntryInput, type EntryKind, type StrugglingEntry } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import { today } from './common';

interface Values { date: string; who?: string; way?: string; content: string; minutes?: number | null; result?: string }

export function EntrySection({ fileId, kind, entries, defaultWho, onAdded, onDeleted }: {
  fileId: number; kind: EntryKind; entries: StrugglingEntry[]; defaultWho: string | null;
  onAdded: (e: StrugglingEntry) => void; onDeleted: (id: number) => void;
}) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const rows = entries.filter((e) => e.kind === kind).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);

  const submit = async () => {
    const v = await form.validateFields();
    const base = { fileId, date: v.date, content: v.content, result: v.result || null };
    const input: EntryInput = kind === 'tutoring'
      ? { ...base, kind, who: v.who || null, minutes: v.minutes ?? null }
      : kind === 'contact'
        ? { ...base, kind, way: v.way as (typeof CONTACT_WAYS)[number], who: v.who || null }
        : { ...base, kind };
    setSaving(true);
    try {
      onAdded(await api.call('struggling/addEntry', input));
      setOpen(false);
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (id: number) => {
    try {
      await api.call('struggling/deleteEntry', { id });
      onDeleted(id);
    } catch (e) {
      showError(e);
    }
  };

  const L = (f: string) => t(`struggling.entry.${kind}.${f}`);
  const columns = [
    { key: 'date', title: t('struggling.entry.date'), dataIndex: 'date', width: 110 },
    ...(kind === 'contact' ? [{ key: 'way', title: L('way'), dataIndex: 'way', width: 80 }] : []),
    ...(kind !== 'review' ? [{ key: 'who', title: L('who'), dataIndex: 'who', width: 90 }] : []),
    { key: 'content', title: L('content'), dataIndex: 'content' },
    ...(kind === 'tutoring' ? [{ key: 'minutes', title: L('minutes'), dataIndex: 'minutes', width: 70 }] : []),
    { key: 'result', title: L('result'), dataIndex: 'result' },
    {
      key: 'del', title: '', width: 44,
      render: (_: unknown, e: StrugglingEntry) => (
        <Popconfirm title={t('struggling.entry.deleteConfirm')} onConfirm={() => remove(e.id)} okButtonProps={{ danger: true }}>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid={`sf-entry-delete-${e.id}`} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <div className="sf-section" data-testid={`sf-entries-${kind}`}>
      <div className="sf-section-head">
        <h4>{L('title')} <span className="sf-count">{rows.length}</span></h4>
        <Button
          size="small" icon={<PlusOutlined />} data-testid={`sf-entry-add-${kind}`}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ date: today(), who: defaultWho ?? undefined, way: kind === 'contact' ? '家访' : undefined });
            setOpen(true);
          }}
        >
          {L('add')}
        </Button>
      </div>
      {rows.length
        ? <Table<StrugglingEntry> size="small" rowKey="id" pagination={false} dataSource={rows} columns={columns} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('struggling.entry.none')} />}
      <Modal
        open={open} title={L('add')} onCancel={() => setOpen(false)} onOk={submit} confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'sf-entry-ok' } as ButtonProps} destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" preserve={false}>
          <Space wrap>
            <Form.Item name="date" label={t('struggling.entry.date')} rules={[{ required: true }]}>
              <Input type="date" data-testid="sf-entry-date" />
            </Form.Item>
            {kind === 'contact' && (
              <Form.Item name="way" label={L('way')} rules={[{ required: true }]}>
                <Select style={{ width: 120 }} options={CONTACT_WAYS.map((w) => ({ value: w, label: t(`struggling.way.${w}`) }))} data-testid="sf-entry-way" />
              </Form.Item>
            )}
            {kind !== 'review' && (
              <Form.Item name="who" label={L('who')}>
                <Input maxLength={40} style={{ width: 140 }} data-testid="sf-entry-who" />
              </Form.Item>
            )}
            {kind === 'tutoring' && (
              <Form.Item name="minutes" label={L('minutes')}>
                <InputNumber min={1} max={600} style={{ width: 100 }} data-testid="sf-entry-minutes" />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="content" label={L('content')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={kind === 'tutoring' ? 1000 : 2000} data-testid="sf-entry-content" />
          </Form.Item>
          <Form.Item name="result" label={L('result')}>
            <Input.TextArea rows={2} maxLength={kind === 'tutoring' ? 1000 : 2000} data-testid="sf-entry-result" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
