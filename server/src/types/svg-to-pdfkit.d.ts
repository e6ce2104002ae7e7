// Types for svg-to-pdfkit (the package ships none). Only what koryu uses.
declare module 'svg-to-pdfkit' {
  export interface SVGtoPDFOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    useCSS?: boolean;
    assumePt?: boolean;
    precision?: number;
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxBold?: boolean; fauxItalic?: boolean }) => string;
    colorCallback?: (color: [number[], number]) => [number[], number];
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string | object, x: number, y: number, options?: SVGtoPDFOptions): void;
}
