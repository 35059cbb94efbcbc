// The cabin seen from above, front at the top, driver on the left, as an SVG: seats, windows, sunroof, mirrors,
// windshields and the centre display, each a gaze zone named as the language names it (a VSS branch without the
// Vehicle root). Clicking a zone looks at it; the zones the agent's gaze triggers watch are outlined. The plan
// is Studio's (dev.cabin.ui.simulator.CabinMap), on the same 200 x 400 grid.

interface Zone { name: string; label: string; x: number; y: number; width: number; height: number }

// in drawing order: later zones lie on top
const ZONES: Zone[] = [
  { name: 'Body.Windshield.Front', label: 'Windshield', x: 34, y: 58, width: 132, height: 26 },
  { name: 'Body.Windshield.Rear', label: 'Rear window', x: 36, y: 338, width: 128, height: 20 },
  { name: 'Cabin.RearShade', label: 'Rear shade', x: 44, y: 322, width: 112, height: 12 },
  { name: 'Cabin.Seat.Row1.DriverSide', label: 'Driver', x: 38, y: 128, width: 44, height: 58 },
  { name: 'Cabin.Seat.Row1.PassengerSide', label: 'Passenger', x: 118, y: 128, width: 44, height: 58 },
  { name: 'Cabin.Seat.Row2.DriverSide', label: 'Rear left', x: 38, y: 256, width: 40, height: 56 },
  { name: 'Cabin.Seat.Row2.Middle', label: 'Rear mid', x: 80, y: 260, width: 40, height: 52 },
  { name: 'Cabin.Seat.Row2.PassengerSide', label: 'Rear right', x: 122, y: 256, width: 40, height: 56 },
  { name: 'Cabin.Sunroof', label: 'Sunroof', x: 62, y: 196, width: 76, height: 50 },
  { name: 'Cabin.Door.Row1.DriverSide.Window', label: '', x: 24, y: 124, width: 9, height: 66 },
  { name: 'Cabin.Door.Row1.PassengerSide.Window', label: '', x: 167, y: 124, width: 9, height: 66 },
  { name: 'Cabin.Door.Row2.DriverSide.Window', label: '', x: 24, y: 248, width: 9, height: 66 },
  { name: 'Cabin.Door.Row2.PassengerSide.Window', label: '', x: 167, y: 248, width: 9, height: 66 },
  { name: 'Cabin.Infotainment.HMI', label: 'Display', x: 84, y: 118, width: 32, height: 22 },
  { name: 'Cabin.RearviewMirror', label: 'Mirror', x: 86, y: 88, width: 28, height: 9 },
  { name: 'Body.Mirrors.DriverSide', label: 'L', x: 2, y: 104, width: 20, height: 16 },
  { name: 'Body.Mirrors.PassengerSide', label: 'R', x: 178, y: 104, width: 20, height: 16 },
];

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export class CabinMap {
  private readonly zones = new Map<string, SVGGElement>();

  /** Draws the map into the container; onLook is told the zone clicked. */
  constructor(container: HTMLElement, onLook: (zone: string) => void) {
    const map = svg('svg', { viewBox: '0 0 200 400', role: 'img', 'aria-label': 'The cabin from above; click a zone to look at it' });
    map.append(svg('rect', { x: 20, y: 40, width: 160, height: 330, rx: 40, class: 'cabin-body' }));
    for (const zone of ZONES) {
      const group = svg('g', { class: 'zone', 'data-zone': zone.name, tabindex: 0 });
      const title = svg('title', {});
      title.textContent = `Look at ${zone.name}`;
      group.append(title, svg('rect', { x: zone.x, y: zone.y, width: zone.width, height: zone.height, rx: 3 }));
      if (zone.label) {
        const label = svg('text', { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 + 3, 'text-anchor': 'middle' });
        label.textContent = zone.label;
        group.append(label);
      }
      const look = () => { this.looked(zone.name); onLook(zone.name); };
      group.addEventListener('click', look);
      group.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') look(); });
      this.zones.set(zone.name, group);
      map.append(group);
    }
    container.replaceChildren(map);
  }

  /** Outlines the zones the agent watches. */
  watch(zones: string[]): void {
    for (const [name, group] of this.zones) group.classList.toggle('watched', zones.includes(name));
  }

  private looked(zone: string): void {
    for (const [name, group] of this.zones) group.classList.toggle('looked', name === zone);
  }
}
