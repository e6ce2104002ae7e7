// The ECharts runtime for stat-figure.tsx, loaded ONLY through `import('./echarts-lazy.ts')` so it
// lands in its own chunk and never in the initial bundle. Tree-shaken to what the option builders
// in common/src/stat-charts.ts use (bar, line, grid, legend, tooltip, title) with the SVG renderer.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export { echarts };
