// Server-side chart rendering for the annual report PDF: the option builders of
// common/src/stat-charts.ts (the same the web page uses) rendered by ECharts' SSR mode to an SVG
// string, which annual-report.ts draws with svg-to-pdfkit.
//
//   const svg = renderChartSvg(yearSeriesOption(input), { width: 680, height: 300 });
//
// Font: the builders set `'Noto Sans JP', sans-serif` (chartFontFamily); the PDF maps every
// chart text to its embedded Noto Sans JP (see svgFontCallback), so what is measured here and what
// is printed are the same family. ECharts measures text without a canvas in SSR (an estimate), so
// the builders leave generous margins.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

export interface SvgSize {
  width: number;
  height: number;
}

/** One chart as an SVG document (no animation, white background). The instance is disposed. */
export function renderChartSvg(option: EChartsOption, size: SvgSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * svg-to-pdfkit fontCallback: every family (the charts only use chartFontFamily) maps to the
 * PDF's registered Japanese fonts, bold to the bold face.
 */
export function svgFontCallback(regular: string, bold: string) {
  return (_family: string, isBold: boolean): string => (isBold ? bold : regular);
}
