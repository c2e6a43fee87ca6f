// The 17 official UN SDG colours, and a text colour for each that keeps WCAG contrast.

/** Official colour of each goal, by goal number (UN SDG communications guidelines). */
export const SDG_COLOURS: Record<number, string> = {
  1: '#E5243B', 2: '#DDA63A', 3: '#4C9F38', 4: '#C5192D', 5: '#FF3A21', 6: '#26BDE2', 7: '#FCC30B', 8: '#A21942', 9: '#FD6925',
  10: '#DD1367', 11: '#FD9D24', 12: '#BF8B2E', 13: '#3F7E44', 14: '#0A97D9', 15: '#56C02B', 16: '#00689D', 17: '#19486A',
};

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two colours. */
export const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * Black or white, whichever reads better on the goal's colour (yellow 7 needs black text).
 *
 * @example
 * textOn('#FCC30B') // '#000000'
 */
export const textOn = (bg: string): string => (contrast(bg, '#ffffff') >= contrast(bg, '#000000') ? '#ffffff' : '#000000');

/** Inline style for a goal's colour band. */
export const goalStyle = (n: number): string => {
  const bg = SDG_COLOURS[n] ?? '#555555';
  return `background:${bg};color:${textOn(bg)}`;
};
