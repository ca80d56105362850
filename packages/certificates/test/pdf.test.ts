import { expect } from '@open-wc/testing';
import { isLmsError } from '@lms-kit/core';
import { certificatePdf, type CertificatePdfText } from '@lms-kit/certificates/pdf';
import { qrCode, qrSvgPath } from '@lms-kit/certificates/qr';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';

const text = (learnerName: string): CertificatePdfText => ({
  title: 'Certificate of completion',
  preamble: 'This certifies that',
  learnerName,
  statement: 'has completed the course',
  courseTitle: 'Food safety basics',
  details: ['Issued on 2 Mar 2026', 'Valid until 2 Mar 2027'],
  issuerName: 'Northwind Bakery',
  issuerUrl: 'https://intranet.northwind-bakery.example',
  verifyUrl: 'https://intranet.northwind-bakery.example/verify?certificate=urn%3Auuid%3A2f0c',
  verifyLabel: 'Verify at',
  idLine: 'Certificate urn:uuid:2f0c',
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text: pages } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return pages.replace(/\s+/g, ' ');
}

describe('certificate PDF', () => {
  it('is one page that pdf-lib opens, with the learner and course in its text and metadata', async () => {
    const bytes = await certificatePdf(text('Jamie Rivera'), {
      paper: 'letter',
      language: 'en',
      issuedAt: new Date('2026-03-02T09:00:00Z'),
    });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).to.equal(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).to.deep.equal([792, 612]);
    expect(doc.getTitle()).to.contain('Jamie Rivera').and.contain('Food safety basics');
    expect(doc.getAuthor()).to.equal('Northwind Bakery');
    expect(doc.getKeywords()).to.contain('Jamie Rivera');
    const content = await pdfText(bytes);
    expect(content).to.contain('Jamie Rivera');
    expect(content).to.contain('Food safety basics');
    expect(content).to.contain('Issued on 2 Mar 2026');
  });

  it('embeds Latin Extended letters only when a name needs them, and says which letters no font has', async () => {
    const latin = await certificatePdf(text('Jamie Rivera'), { template: 'modern' });
    const extended = await certificatePdf(text('Zoë Łukasiewicz-Nguyễn'), { template: 'modern' });
    expect(await pdfText(extended)).to.contain('Zoë Łukasiewicz-Nguyễn');
    expect(await pdfText(await certificatePdf(text('Андрій Ψαρράς')))).to.contain('Андрій Ψαρράς');
    expect(extended.length).to.be.greaterThan(latin.length);
    let error: unknown;
    await certificatePdf(text('王小明')).catch((e: unknown) => (error = e));
    expect(isLmsError(error, 'certificate/pdf-failed')).to.equal(true);
    expect((error as Error).message).to.contain('王小明');
  });

  it('draws the verification QR code from the same matrix as the page', () => {
    const code = qrCode('https://intranet.northwind-bakery.example/verify?certificate=urn%3Auuid%3A2f0c');
    expect(code.size).to.be.within(25, 45);
    expect(code.dark).to.have.length(code.size);
    expect(qrSvgPath(code)).to.match(/^M\d+ \d+h\d+v1h-\d+z/);
  });
});
