// The cabin seen from above, front at the top, driver on the left, as an SVG: seats, windows, sunroof, mirrors,
// windshields and the centre display, each a gaze zone named as the language names it (a VSS branch without the
// Vehicle root). Clicking a zone looks at it; the zones the agent's gaze triggers watch are outlined. The zones
// come from the server (api/sim/cabin-plan): the plan Studio's simulator draws too (dev.cabin.language.CabinPlan),
// in drawing order, later zones on top.
import { getJson } from './files';

interface Zone { name: string; label: string; x: number; y: number; width: number; height: number }

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export class CabinMap {
  private readonly zones = new Map<string, SVGGElement>();
  private watched: string[] = [];

  /** Draws the map into the container once the server sent the plan; onLook is told the zone clicked. */
  constructor(private readonly container: HTMLElement, private readonly onLook: (zone: string) => void) {
    getJson<Zone[]>('api/sim/cabin-plan')
      .then((zones) => this.draw(zones))
      .catch((error) => { container.textContent = `The cabin map could not be loaded: ${error.message}`; });
  }

  /** Outlines the zones the agent watches. */
  watch(zones: string[]): void {
    this.watched = zones;
    for (const [name, group] of this.zones) group.classList.toggle('watched', zones.includes(name));
  }

  private draw(zones: Zone[]): void {
    const map = svg('svg', { viewBox: '0 0 200 400', role: 'img', 'aria-label': 'The cabin from above; click a zone to look at it' });
    map.append(svg('rect', { x: 20, y: 40, width: 160, height: 330, rx: 40, class: 'cabin-body' }));
    for (const zone of zones) {
      const group = svg('g', { class: 'zone', 'data-zone': zone.name, tabindex: 0 });
      const title = svg('title', {});
      title.textContent = `Look at ${zone.name}`;
      group.append(title, svg('rect', { x: zone.x, y: zone.y, width: zone.width, height: zone.height, rx: 3 }));
      if (zone.label) {
        const label = svg('text', { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 + 3, 'text-anchor': 'middle' });
        label.textContent = zone.label;
        group.append(label);
      }
      const look = () => { this.looked(zone.name); this.onLook(zone.name); };
      group.addEventListener('click', look);
      group.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') look(); });
      this.zones.set(zone.name, group);
      map.append(group);
    }
    this.container.replaceChildren(map);
    this.watch(this.watched);
  }

  private looked(zone: string): void {
    for (const [name, group] of this.zones) group.classList.toggle('looked', name === zone);
  }
}
