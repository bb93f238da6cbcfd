/**
 * The pieces of an office Word document (.docx) every editable printout uses: title in 黑体, body in 仿宋
 * (numbers and Latin in Times New Roman), tables in 宋体, ruled tables with percent widths, and an A4 section
 * with the "第 X 页 共 Y 页" footer.
 */
import {
  AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions,
  type ISectionOptions,
} from 'docx';

export const HEI = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体' };
export const FANG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
export const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

/** Half-points: 小二 18pt title, 四号 14pt headings, 小四 12pt body, 五号 10.5pt tables. */
export const SIZE = { title: 36, heading: 28, body: 24, table: 21 };

export function run(text: string, o: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: FANG, size: SIZE.body, ...o });
}

export function para(text: string, o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align,
    indent: o.indent ? { firstLine: 480 } : undefined,
    spacing: { line: 400 },
    children: [run(text, { bold: o.bold })],
  });
}

export function heading(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new TextRun({ text, font: HEI, size: SIZE.heading })] });
}

export function titlePara(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text, font: HEI, size: SIZE.title, bold: true })] });
}

export function cell(text: string, o: { header?: boolean; widthPct?: number; left?: boolean } = {}): TableCell {
  return new TableCell({
    width: o.widthPct ? { size: o.widthPct, type: WidthType.PERCENTAGE } : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [new Paragraph({
      alignment: o.left ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text, font: o.header ? HEI : SONG, size: SIZE.table })],
    })],
  });
}

/** A ruled table: a header row and body rows; widths in percent of the text width. */
export function table(head: string[], rows: string[][], widths: number[], leftCols: number[] = []): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, { header: true, widthPct: widths[i] })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { widthPct: widths[i], left: leftCols.includes(i) })) })),
    ],
  });
}

/** The page-number footer: 第 X 页 共 Y 页. */
export function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ font: SONG, size: 18, children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
    })],
  });
}

/** An A4 portrait section (2.5 cm / 2.8 cm margins, as for an office document) with the page-number footer. */
export function a4Section(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1588, right: 1588 } } },
    footers: { default: pageFooter() },
    children,
  };
}

/** A document of A4 sections in the office fonts. */
export function officeDocx(title: string, sections: ISectionOptions[]): Promise<Buffer> {
  const doc = new Document({ creator: '教务台账', title, styles: { default: { document: { run: { font: FANG, size: SIZE.body } } } }, sections });
  return Packer.toBuffer(doc);
}
