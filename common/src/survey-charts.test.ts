import { describe, expect, it } from 'vitest';
import cases from './survey-charts.cases.json' with { type: 'json' };
import { choiceBarOption, choiceBarText, percent, stackedShareOption, stackedShareText, type ChoiceBarInput, type StackedShareInput } from './survey-charts.ts';

type Series = { data: { value: number | null }[] }[];

describe('survey charts', () => {
  it.each(cases.percent)('percent($count, $n) = $expected', ({ count, n, expected }) => {
    expect(percent(count, n)).toBe(expected);
  });

  it.each(cases.stacked)('100% bars: $name', (c) => {
    const input = c.input as StackedShareInput;
    const option = stackedShareOption(input) as unknown as { series: Series; yAxis: { data: string[] } };
    expect(option.series).toHaveLength(input.options.length);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual(c.firstSeries);
    expect(option.yAxis.data).toEqual(c.categories);
    // each answered item's segments add up to 100% (± rounding)
    input.items.forEach((it, i) => {
      if (!it.n) return;
      const sum = option.series.reduce((a, s) => a + (s.data[i]!.value ?? 0), 0);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.3);
    });
    expect(stackedShareText(input, c.positive)).toBe(c.text);
    expect(JSON.stringify(option)).not.toContain('function');
  });

  it.each(cases.choice)('choice bars: $name', (c) => {
    const input = c.input as ChoiceBarInput;
    const option = choiceBarOption(input) as unknown as { series: Series };
    expect(option.series[0]!.data.map((d) => d.value)).toEqual(c.values);
    expect(choiceBarText(input)).toBe(c.text);
  });
});
