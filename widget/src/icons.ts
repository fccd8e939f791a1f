// The widget's few icons as inline SVG built with the DOM (no markup strings, no icon font, no emoji font needed).
const svgNs = 'http://www.w3.org/2000/svg';

type Shape = ['path', string] | ['circle', number, number, number];

function icon(shapes: Shape[], size = 20, filled = false): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', filled ? 'currentColor' : 'none');
  svg.setAttribute('stroke', filled ? 'none' : 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  for (const shape of shapes) {
    const element = document.createElementNS(svgNs, shape[0]);
    if (shape[0] === 'path') {
      element.setAttribute('d', shape[1]);
    } else {
      element.setAttribute('cx', String(shape[1]));
      element.setAttribute('cy', String(shape[2]));
      element.setAttribute('r', String(shape[3]));
    }
    svg.append(element);
  }
  return svg;
}

export const chatIcon = (size?: number) =>
  icon(
    [
      [
        'path',
        'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5z',
      ],
      ['path', 'M8.5 9.5h.01M12 9.5h.01M15.5 9.5h.01'],
    ],
    size,
  );

export const headsetIcon = (size?: number) =>
  icon(
    [
      ['path', 'M4 14v-2a8 8 0 0 1 16 0v2'],
      ['path', 'M4 14a2 2 0 0 1 2-2h1v6H6a2 2 0 0 1-2-2zM20 14a2 2 0 0 0-2-2h-1v6h1a2 2 0 0 0 2-2z'],
      ['path', 'M18 18c0 1.7-1.8 3-4 3h-1.5'],
    ],
    size,
  );

export const imageIcon = (size?: number) =>
  icon(
    [
      ['path', 'M5 4h14a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z'],
      ['circle', 9, 9, 1.6],
      ['path', 'M20 15l-4.5-4.5L6 20'],
    ],
    size,
  );

const mouths = {
  happy: 'M8.5 14.5a4.5 4.5 0 0 0 7 0',
  neutral: 'M9 15h6',
  sad: 'M8.5 16.5a4.5 4.5 0 0 1 7 0',
} as const;

export const faceIcon = (mood: keyof typeof mouths, size?: number) =>
  icon(
    [
      ['circle', 12, 12, 9],
      ['path', 'M9 9.5h.01M15 9.5h.01'],
      ['path', mouths[mood]],
    ],
    size,
  );
