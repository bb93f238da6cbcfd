/** The agreement as an editable Word file: the same clauses as the printout (agreementClauses), one copy, signature lines. */
import { Paragraph } from 'docx';
import type { FilePayload } from '../../../../shared/contract';
import type { CoreContext } from '../../platform/context';
import { a4Section, heading, officeDocx, para, run, table, titlePara } from '../../platform/report/docx';
import { schoolName } from '../../platform/query';
import { DOCX_MIME } from '../../platform/serving';
import { loadPair } from './pairs';
import { agreementClauses, AGREEMENT_TITLE } from './reports';

export async function agreementDocx(ctx: CoreContext, pairId: number): Promise<FilePayload> {
  const p = loadPair(ctx.db, pairId);
  const c = agreementClauses(p);
  const list = (items: string[]) => items.map((t, i) => para(`${i + 1}. ${t}`, { indent: true }));
  const children = [
    para(`${schoolName(ctx.db)}\u3000青蓝工程`),
    titlePara(AGREEMENT_TITLE),
    para('为加快青年教师专业成长，发挥骨干教师的传、帮、带作用，经学校研究，甲乙双方自愿结为师徒，签订本协议。', { indent: true }),
    table(['项目', '内容'], c.parties, [25, 75], [1]),
    heading('一、结对目标'),
    para(p.goals ?? '', { indent: true }),
    heading('二、量化任务（学校据此逐项考核）'),
    ...list(c.duties),
    heading('三、师傅职责'),
    ...list(c.mentorDuties),
    heading('四、徒弟职责'),
    ...list(c.apprenticeDuties),
    heading('五、考核'),
    para('学校每学期按上述任务对师徒实行捆绑式考核，徒弟的成长计入师傅的考核结果。本协议一式三份，师傅、徒弟、学校各执一份。', { indent: true }),
    new Paragraph({ spacing: { before: 600, line: 480 }, children: [run('师傅（签字）：____________\u3000\u3000徒弟（签字）：____________')] }),
    new Paragraph({ spacing: { line: 480 }, children: [run('学校（盖章）：____________\u3000\u3000日期：______年____月____日')] }),
  ];
  const bytes = await officeDocx(`${AGREEMENT_TITLE}（${p.mentorName}—${p.apprenticeName}）`, [a4Section(children)]);
  return { fileName: `${AGREEMENT_TITLE}_${p.mentorName}_${p.apprenticeName}.docx`, mime: DOCX_MIME, dataBase64: bytes.toString('base64') };
}
